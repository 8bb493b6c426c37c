'use client';

import { ExpressionInput } from '../../mapping/expression-input';
import { Button } from '../../ui/button';
import { Field, inputClass } from '../../ui/field';
import { useEditor, type StepNode } from '../store';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const csv = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** Forms for the steps without a connector: conditions, switches, loops, waits, approvals, notifications. */
export function LogicForm({ node }: { node: StepNode }) {
  const updateNode = useEditor((s) => s.updateNode);
  const c = node.data.config;
  const set = (patch: Record<string, unknown>) => updateNode(node.id, { config: { ...c, ...patch } });
  const expr = (key: string, label: string, help?: string) => (
    <Field label={label} help={help}>
      {(id) => <ExpressionInput id={id} value={typeof c[key] === 'string' ? (c[key] as string) : ''} onChange={(v) => set({ [key]: v })} />}
    </Field>
  );
  switch (node.data.kind) {
    case 'condition':
      return expr('expression', 'Condition', 'e.g. steps.order.OrderTotal > 10000; “true” and “false” lead to different steps.');
    case 'forEach':
      return expr('items', 'List to repeat over', 'e.g. steps.lines.lines; connected steps see steps.<this step>.item.');
    case 'switch': {
      const cases = Array.isArray(c.cases) ? (c.cases as Array<{ port: string; when: string }>) : [];
      const setCase = (i: number, patch: Partial<{ port: string; when: string }>) => set({ cases: cases.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
      return (
        <div className="space-y-3">
          {cases.map((k, i) => (
            <div key={i} className="space-y-2 rounded border border-slate-200 p-2">
              <Field label={`Case ${i + 1} name`}>{(id) => <input id={id} value={k.port} onChange={(e) => setCase(i, { port: e.target.value })} className={inputClass} />}</Field>
              <Field label="When">{(id) => <ExpressionInput id={id} value={k.when} onChange={(v) => setCase(i, { when: v })} />}</Field>
            </div>
          ))}
          <Button size="sm" onClick={() => set({ cases: [...cases, { port: `case${cases.length + 1}`, when: '' }] })}>
            Add case
          </Button>
        </div>
      );
    }
    case 'delay':
      return (
        <Field label="Wait (minutes)">
          {(id) => <input id={id} type="number" min={1} value={typeof c.durationMs === 'number' ? c.durationMs / 60_000 : ''} onChange={(e) => set({ durationMs: Math.round(Number(e.target.value) * 60_000) })} className={inputClass} />}
        </Field>
      );
    case 'approval':
      return (
        <div className="space-y-3">
          {expr('message', 'What the approver sees', 'e.g. "Order for " + trigger.name + " over the limit"')}
          <Field label="Approvers (e-mails or roles, comma-separated; empty means anyone with the approver role)">
            {(id) => <input id={id} value={list(c.approvers).join(', ')} onChange={(e) => set({ approvers: csv(e.target.value) })} className={inputClass} />}
          </Field>
          <Field label="Time out after (hours)">
            {(id) => <input id={id} type="number" min={1} value={typeof c.timeoutMs === 'number' ? c.timeoutMs / 3_600_000 : ''} onChange={(e) => set({ timeoutMs: Math.round(Number(e.target.value) * 3_600_000) })} className={inputClass} />}
          </Field>
          <Field label="On time-out">
            {(id) => (
              <select id={id} value={String(c.onTimeout ?? 'reject')} onChange={(e) => set({ onTimeout: e.target.value })} className={inputClass}>
                <option value="reject">Reject</option>
                <option value="approve">Approve</option>
              </select>
            )}
          </Field>
          <Field label="Escalate after (hours; empty: never)" help="Still undecided by then: the people below may decide too and get an e-mail.">
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                step="any"
                value={typeof c.escalateAfterMs === 'number' ? c.escalateAfterMs / 3_600_000 : ''}
                onChange={(e) => set({ escalateAfterMs: e.target.value === '' ? undefined : Math.round(Number(e.target.value) * 3_600_000) })}
                className={inputClass}
                data-testid="approval-escalate-after"
              />
            )}
          </Field>
          <Field label="Escalate to (e-mails or roles such as admin, comma-separated)">
            {(id) => (
              <input
                id={id}
                value={list(c.escalateTo).join(', ')}
                onChange={(e) => set({ escalateTo: csv(e.target.value).length ? csv(e.target.value) : undefined })}
                className={inputClass}
                data-testid="approval-escalate-to"
              />
            )}
          </Field>
        </div>
      );
    case 'notify':
      return (
        <div className="space-y-3">
          <Field label="Channel">
            {(id) => (
              <select id={id} value={String(c.channel ?? 'email')} onChange={(e) => set({ channel: e.target.value })} className={inputClass}>
                <option value="email">E-mail</option>
                <option value="designer">Designer inbox</option>
              </select>
            )}
          </Field>
          <Field label={c.channel === 'designer' ? 'To (comma-separated)' : 'To (e-mails or roles such as approver, comma-separated)'}>{(id) => <input id={id} value={list(c.to).join(', ')} onChange={(e) => set({ to: csv(e.target.value) })} className={inputClass} />}</Field>
          {expr('subject', 'Subject (optional)')}
          {expr('message', 'Message')}
        </div>
      );
    default:
      return null;
  }
}
