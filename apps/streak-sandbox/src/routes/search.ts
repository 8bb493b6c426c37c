// GET /v1/search (§4.13): `query` (boxes, contacts, orgs) xor `name` (exact box name), with
// repeatable pipelineKey / stageKey / teamKey filters and 0-based pages. Buckets: boxes, contacts, orgs.
import type { Ctx } from '../domain/ctx';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { q, qAll, qInt } from '../http/input';
import type { BoxRec, PipelineRec } from '../store/types';
import { visiblePipelines } from './access';

const PAGE_SIZE = 50;

function boxText(p: PipelineRec | undefined, b: BoxRec): string {
  const texts = (p?.fields ?? [])
    .filter((f) => f.type === 'TEXT_INPUT' || f.type === 'FORMULA')
    .map((f) => b.fields[f.key])
    .filter((v) => typeof v === 'string');
  return [b.name, b.notes, ...texts].join('\n').toLowerCase();
}

function search(ctx: Ctx, r: Req) {
  const s = ctx.store.state;
  const query = q(r.query, 'query');
  const name = q(r.query, 'name');
  if ((query === undefined) === (name === undefined))
    throw badRequest('Exactly one of query or name must be given');
  const page = qInt(r.query, 'page', 0, { min: 0, max: 10_000 });
  const pipelines = qAll(r.query, 'pipelineKey');
  const stages = qAll(r.query, 'stageKey');
  const teams = qAll(r.query, 'teamKey');
  const visible = visiblePipelines(ctx, r.userKey).filter(
    (p) => (!pipelines.length || pipelines.includes(p.key)) && (!teams.length || teams.includes(p.teamKey)),
  );
  const visibleKeys = new Set(visible.map((p) => p.key));
  const needle = (query ?? '').toLowerCase();
  const rank = (text: string): number => (text.startsWith(needle) ? 0 : 1);
  const slice = <T>(xs: T[]): T[] => xs.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const boxes = Object.values(s.boxes)
    .filter((b) => visibleKeys.has(b.pipelineKey) && (!stages.length || stages.includes(b.stageKey)))
    .filter((b) =>
      name !== undefined ? b.name === name : boxText(s.pipelines[b.pipelineKey], b).includes(needle),
    )
    .sort(
      (a, b) =>
        rank(a.name.toLowerCase()) - rank(b.name.toLowerCase()) ||
        b.lastUpdatedTimestamp - a.lastUpdatedTimestamp,
    );
  const myTeams = new Set(
    Object.values(s.teams)
      .filter(
        (t) => t.members.some((m) => m.userKey === r.userKey) && (!teams.length || teams.includes(t.key)),
      )
      .map((t) => t.key),
  );
  const partyScope = name === undefined && !pipelines.length && !stages.length;
  const contacts = partyScope
    ? Object.values(s.contacts).filter(
        (c) =>
          myTeams.has(c.teamKey) &&
          [c.givenName, c.familyName, `${c.givenName ?? ''} ${c.familyName ?? ''}`, ...c.emailAddresses].some(
            (t) => t?.toLowerCase().includes(needle),
          ),
      )
    : [];
  const orgs = partyScope
    ? Object.values(s.orgs).filter(
        (o) =>
          myTeams.has(o.teamKey) && [o.name, ...o.domains].some((t) => t?.toLowerCase().includes(needle)),
      )
    : [];
  return {
    results: {
      boxes: slice(boxes).map((b) => ({
        key: b.key,
        boxKey: b.key,
        name: b.name,
        lastUpdatedTimestamp: b.lastUpdatedTimestamp,
        assignedToKeys: b.assignedToKeys,
        stageKey: b.stageKey,
        pipelineKey: b.pipelineKey,
      })),
      contacts: slice(contacts).map((c) => ({
        key: c.key,
        givenName: c.givenName,
        familyName: c.familyName,
        emailAddresses: c.emailAddresses,
        title: c.title,
      })),
      orgs: slice(orgs).map((o) => ({ key: o.key, name: o.name, domains: o.domains, industry: o.industry })),
    },
    query: query ?? null,
    page,
  };
}

export function registerSearch(api: Api, ctx: Ctx): void {
  api.get('/v1/search', (r) => search(ctx, r));
}
