// The sandbox board: a thin client of the sandbox's own Streak API (no framework, no build step).
/* global window, document */
'use strict';

const AUTH = 'Basic ' + btoa(window.SANDBOX_API_KEY + ':');
const EVENTS = [
  'BOX_CHANGE_STAGE',
  'BOX_CREATE',
  'BOX_EDIT',
  'BOX_DELETE',
  'STAGE_CREATE',
  'COMMENT_CREATE',
  'TASK_CREATE',
  'TASK_COMPLETE',
  'MEETING_CREATE',
];
const state = { pipelines: [], pipeline: null, boxes: [], orgs: {}, filter: '', dragging: false };
const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { authorization: AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json();
  if (!res.ok) throw new Error(data.error || 'HTTP ' + res.status);
  return data;
}

function toast(message, isError) {
  const t = $('#toast');
  t.textContent = message;
  t.className = 'toast show' + (isError ? ' error' : '');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (t.className = 'toast'), 3500);
}

const field = (name) => state.pipeline.fields.find((f) => f.name === name);
const valueOf = (box, name) => {
  const f = field(name);
  return f ? box.fields[f.key] : undefined;
};
const optionName = (name, key) => {
  const f = field(name);
  return f?.dropdownSettings?.items.find((i) => i.key === key)?.name;
};
const money = (v, cur) =>
  v
    ? Number(v).toLocaleString('en-US', {
        style: 'currency',
        currency: cur || 'USD',
        maximumFractionDigits: 0,
      })
    : '';

function card(box) {
  const orgKey = box.organizations[0]?.key;
  const status = optionName('Order status', valueOf(box, 'Order status'));
  const so = valueOf(box, 'Sage sales order no');
  const who = box.assignedToSharingEntries[0];
  return el(
    'article',
    {
      class: 'card',
      draggable: 'true',
      'data-testid': 'box-card',
      'data-box-key': box.key,
      ondragstart: (e) => {
        e.dataTransfer.setData('text/plain', box.key);
        e.currentTarget.classList.add('dragging');
        state.dragging = true;
      },
      ondragend: (e) => {
        e.currentTarget.classList.remove('dragging');
        state.dragging = false;
      },
      onclick: () => openEditor(box),
    },
    el('div', { class: 'card-title' }, box.name),
    orgKey && state.orgs[orgKey] ? el('div', { class: 'card-org' }, state.orgs[orgKey]) : null,
    el(
      'div',
      { class: 'card-meta' },
      el(
        'span',
        { class: 'amount' },
        money(valueOf(box, 'Deal value'), optionName('Currency', valueOf(box, 'Currency'))),
      ),
      valueOf(box, 'Sage customer no')
        ? el('span', { class: 'chip' }, valueOf(box, 'Sage customer no'))
        : null,
    ),
    so || status
      ? el(
          'div',
          { class: 'card-meta' },
          so ? el('span', { class: 'chip so' }, 'SO ' + so) : null,
          status ? el('span', { class: 'badge ' + status.toLowerCase().replace(/\s+/g, '-') }, status) : null,
        )
      : null,
    who
      ? el(
          'span',
          { class: 'avatar', title: who.fullName },
          who.fullName
            .split(' ')
            .map((p) => p[0])
            .join(''),
        )
      : null,
  );
}

function render() {
  const board = $('#board');
  if (!state.pipeline) {
    board.replaceChildren(el('p', { class: 'empty' }, 'No pipelines yet.'));
    return;
  }
  const needle = state.filter.toLowerCase();
  const visible = state.boxes.filter((b) => !needle || b.name.toLowerCase().includes(needle));
  board.replaceChildren(
    ...state.pipeline.stageOrder.map((stageKey) => {
      const stage = state.pipeline.stages[stageKey];
      const boxes = visible.filter((b) => b.stageKey === stageKey);
      const total = boxes.reduce((sum, b) => sum + (Number(valueOf(b, 'Deal value')) || 0), 0);
      return el(
        'section',
        {
          class: 'column',
          'data-testid': 'stage-' + stage.name,
          'data-stage-key': stageKey,
          ondragover: (e) => {
            e.preventDefault();
            e.currentTarget.classList.add('over');
          },
          ondragleave: (e) => e.currentTarget.classList.remove('over'),
          ondrop: (e) => {
            e.preventDefault();
            e.currentTarget.classList.remove('over');
            moveBox(e.dataTransfer.getData('text/plain'), stageKey);
          },
        },
        el(
          'header',
          { style: `border-top-color:${stage.color?.backgroundColor || '#888'}` },
          el('span', { class: 'stage-name' }, stage.name),
          el('span', { class: 'count' }, String(boxes.length)),
          total ? el('div', { class: 'stage-total' }, money(total)) : null,
        ),
        el('div', { class: 'cards' }, boxes.map(card)),
      );
    }),
  );
}

async function moveBox(boxKey, stageKey) {
  const box = state.boxes.find((b) => b.key === boxKey);
  if (!box || box.stageKey === stageKey) return;
  const previous = box.stageKey;
  box.stageKey = stageKey;
  render();
  try {
    Object.assign(box, await api('POST', `/api/v1/boxes/${boxKey}`, { stageKey }));
    toast(`Moved "${box.name}" to ${state.pipeline.stages[stageKey].name}`);
    setTimeout(refreshSide, 400);
  } catch (err) {
    box.stageKey = previous;
    render();
    toast('Move failed: ' + err.message, true);
  }
}

function input(f, value) {
  const name = 'f' + f.key;
  if (f.type === 'DROPDOWN')
    return el(
      'select',
      { name },
      el('option', { value: '' }, '—'),
      f.dropdownSettings.items.map((i) => el('option', { value: i.key, selected: i.key === value }, i.name)),
    );
  if (f.type === 'CHECKBOX') return el('input', { type: 'checkbox', name, checked: value === true });
  if (f.type === 'DATE')
    return el('input', {
      type: 'date',
      name,
      value: value ? new Date(value).toISOString().slice(0, 10) : '',
    });
  if (f.type === 'TAG')
    return el(
      'div',
      { class: 'tags' },
      f.tagSettings.tags.map((t) =>
        el(
          'label',
          {},
          el('input', { type: 'checkbox', name, value: t.key, checked: (value || []).includes(t.key) }),
          t.tag,
        ),
      ),
    );
  if (f.type === 'TEXT_INPUT' && (f.name === 'Products' || String(value || '').includes('\n')))
    return el('textarea', { name, rows: 4 }, value || '');
  if (f.type === 'TEXT_INPUT') return el('input', { name, value: value ?? '' });
  return el('input', { name, value: JSON.stringify(value ?? null), disabled: true });
}

function openEditor(box) {
  const p = state.pipeline;
  $('#editor-title').textContent = box.name;
  $('#editor-fields').replaceChildren(
    el('label', {}, 'Name', el('input', { name: 'name', value: box.name, required: true })),
    el(
      'label',
      {},
      'Stage',
      el(
        'select',
        { name: 'stageKey' },
        p.stageOrder.map((k) => el('option', { value: k, selected: k === box.stageKey }, p.stages[k].name)),
      ),
    ),
    el('label', {}, 'Notes', el('textarea', { name: 'notes', rows: 2 }, box.notes || '')),
    ...p.fields.map((f) => el('label', {}, f.name, input(f, box.fields[f.key]))),
  );
  const form = $('#editor-form');
  form.onsubmit = async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const fields = {};
    for (const f of p.fields) {
      const n = 'f' + f.key;
      if (f.type === 'CHECKBOX') fields[f.key] = form.elements[n].checked;
      else if (f.type === 'TAG') fields[f.key] = data.getAll(n);
      else if (f.type === 'DATE') fields[f.key] = data.get(n) ? Date.parse(data.get(n)) : null;
      else if (f.type === 'DROPDOWN' || f.type === 'TEXT_INPUT') fields[f.key] = data.get(n) || null;
    }
    try {
      Object.assign(
        box,
        await api('POST', `/api/v1/boxes/${box.key}`, {
          name: data.get('name'),
          notes: data.get('notes'),
          stageKey: data.get('stageKey'),
          fields,
        }),
      );
      $('#editor').close();
      render();
      toast('Saved');
      setTimeout(refreshSide, 400);
    } catch (err) {
      toast('Save failed: ' + err.message, true);
    }
  };
  $('#editor').showModal();
  showComments(box.key);
}

/** The box's comments, newest first, as Streak stores them (what flows wrote back shows up here). */
async function showComments(boxKey) {
  const list = $('#editor-comments');
  list.replaceChildren(el('li', { class: 'muted' }, 'Loading…'));
  try {
    const { results } = await api('GET', `/api/v2/boxes/${boxKey}/comments`);
    // Newest first; comments made in the same millisecond keep the API's order, reversed.
    const newest = results
      .map((c, i) => ({ c, i }))
      .sort((a, b) => (b.c.timestamp ?? 0) - (a.c.timestamp ?? 0) || b.i - a.i)
      .map(({ c }) => c);
    list.replaceChildren(
      ...(newest.length
        ? newest.map((c) =>
            el(
              'li',
              { 'data-testid': 'box-comment' },
              el('time', {}, new Date(c.timestamp).toLocaleString()),
              el('p', {}, c.message),
            ),
          )
        : [el('li', { class: 'muted' }, 'No comments yet.')]),
    );
  } catch (err) {
    list.replaceChildren(el('li', { class: 'muted' }, 'Comments could not be loaded: ' + err.message));
  }
}

async function refreshSide() {
  if (!state.pipeline) return;
  const [hooks, log] = await Promise.all([
    api('GET', `/api/v2/pipelines/${state.pipeline.key}/webhooks`),
    fetch('/__sandbox/deliveries?limit=25').then((r) => r.json()),
  ]);
  $('#webhooks').replaceChildren(
    ...(hooks.length
      ? hooks.map((w) =>
          el(
            'li',
            { 'data-testid': 'webhook-item' },
            el('span', { class: 'event' }, w.event),
            el('span', { class: 'target', title: w.targetUrl }, w.targetUrl),
            el(
              'button',
              {
                class: 'link',
                title: 'Delete subscription',
                onclick: async () => {
                  await api('DELETE', `/api/v2/webhooks/${w.key}`);
                  refreshSide();
                },
              },
              '✕',
            ),
          ),
        )
      : [el('li', { class: 'muted' }, 'None yet — add one below.')]),
  );
  $('#deliveries').replaceChildren(
    ...log.deliveries.map((d) =>
      el(
        'tr',
        { 'data-testid': 'delivery-row', 'data-status': d.status },
        el(
          'td',
          { title: `#${d.id} → ${d.targetUrl}` },
          el('div', { class: 'event' }, d.event),
          el('div', { class: 'target' }, d.targetUrl + (d.hasToken ? ' 🔑' : '')),
        ),
        el(
          'td',
          {},
          el(
            'span',
            { class: 'pill ' + d.status, title: d.lastError || '' },
            d.status + (d.lastStatusCode ? ' ' + d.lastStatusCode : ''),
          ),
        ),
        el('td', {}, String(d.attempts)),
      ),
    ),
  );
}

// Conduit writes back to boxes (Sage order number, order status) through the API; poll so the
// board shows it without a reload. Skipped while a card is dragged or edited.
async function refreshBoxes() {
  if (!state.pipeline || state.dragging || $('#editor').open) return;
  const boxes = await api('GET', `/api/v1/pipelines/${state.pipeline.key}/boxes`);
  const stamp = (list) => list.map((b) => b.key + b.lastUpdatedTimestamp).join();
  if (stamp(boxes) === stamp(state.boxes)) return;
  state.boxes = boxes;
  render();
}

async function loadPipeline(key) {
  state.pipeline = await api('GET', `/api/v1/pipelines/${key}`);
  state.boxes = await api('GET', `/api/v1/pipelines/${key}/boxes`);
  const orgKeys = [...new Set(state.boxes.flatMap((b) => b.organizations.map((o) => o.key)))];
  if (orgKeys.length) {
    const orgs = await api('POST', '/api/v2/organizations/batch/get', orgKeys);
    for (const [k, o] of Object.entries(orgs)) state.orgs[k] = o.name;
  }
  render();
  await refreshSide();
}

async function main() {
  $('#webhook-form [name=event]').replaceChildren(...EVENTS.map((e) => el('option', { value: e }, e)));
  $('#webhook-form').onsubmit = async (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    try {
      await api('POST', `/api/v2/webhooks?pipelineKey=${state.pipeline.key}`, {
        event: data.get('event'),
        targetUrl: data.get('targetUrl'),
        ...(data.get('token') ? { token: data.get('token') } : {}),
      });
      e.target.reset();
      refreshSide();
    } catch (err) {
      toast('Subscribe failed: ' + err.message, true);
    }
  };
  $('#editor-cancel').onclick = () => $('#editor').close();
  $('#filter').oninput = (e) => {
    state.filter = e.target.value;
    render();
  };
  state.pipelines = await api('GET', '/api/v1/pipelines');
  $('#pipeline').replaceChildren(...state.pipelines.map((p) => el('option', { value: p.key }, p.name)));
  $('#pipeline').onchange = (e) => loadPipeline(e.target.value);
  if (state.pipelines[0]) await loadPipeline(state.pipelines[0].key);
  else render();
  setInterval(() => {
    refreshSide().catch(() => {});
    refreshBoxes().catch(() => {});
  }, 2000);
}

main().catch((err) => toast('Could not load the board: ' + err.message, true));
