// Typed calls to Streak's REST API, one function per endpoint the actions use, with the v1/v2 split
// from the reference (boxes read/update on v1, box create and everything CRM-ish on v2).
import type { HttpClient } from '@conduit/connector-kit';
import type { PageOf, WireBox, WireComment, WireContact, WireMeeting, WireOrganization, WirePipeline, WireTask, WireTeam, WireWebhook } from './wire';

const enc = encodeURIComponent;
const pipelineSubject = (key: string) => ({ type: 'pipeline', key });
const boxSubject = (key: string) => ({ type: 'box', key });

export const BOX_PAGE_SIZE = 100;

export const streakApi = {
  me: (http: HttpClient) => http.json<{ key: string; email: string; displayName?: string }>({ path: '/v1/users/me', subject: { type: 'user', key: 'me' } }),
  teams: async (http: HttpClient) => (await http.json<PageOf<WireTeam>>({ path: '/v2/users/me/teams' })).results,
  team: (http: HttpClient, teamKey: string) => http.json<WireTeam>({ path: `/v2/teams/${enc(teamKey)}`, subject: { type: 'team', key: teamKey } }),

  pipelines: (http: HttpClient) => http.json<WirePipeline[]>({ path: '/v1/pipelines' }),
  pipeline: (http: HttpClient, key: string) => http.json<WirePipeline>({ path: `/v1/pipelines/${enc(key)}`, subject: pipelineSubject(key) }),

  box: (http: HttpClient, key: string) => http.json<WireBox>({ path: `/v1/boxes/${enc(key)}`, subject: boxSubject(key) }),
  createBox: (http: HttpClient, pipelineKey: string, body: Record<string, unknown>) =>
    http.json<WireBox>({ method: 'POST', path: `/v2/pipelines/${enc(pipelineKey)}/boxes`, json: body, subject: pipelineSubject(pipelineKey) }),
  // Box update is a partial replace, so repeating it is harmless.
  updateBox: (http: HttpClient, key: string, body: Record<string, unknown>) =>
    http.json<WireBox>({ method: 'POST', path: `/v1/boxes/${enc(key)}`, json: body, subject: boxSubject(key), idempotent: true }),
  deleteBox: (http: HttpClient, key: string) => http.json({ method: 'DELETE', path: `/v1/boxes/${enc(key)}`, subject: boxSubject(key) }),
  setBoxField: (http: HttpClient, boxKey: string, fieldKey: string, value: unknown) =>
    http.json<{ key: string; value: unknown }>({ method: 'POST', path: `/v1/boxes/${enc(boxKey)}/fields/${enc(fieldKey)}`, json: { value }, subject: { type: 'box', key: boxKey, field: fieldKey }, idempotent: true }),
  /** One page of boxes; Streak answers a bare array or `{results, hasNextPage}` depending on version. */
  boxPage: async (http: HttpClient, pipelineKey: string, q: { page: number; sortBy?: string; stageKey?: string }) => {
    const body = await http.json<WireBox[] | PageOf<WireBox>>({ path: `/v1/pipelines/${enc(pipelineKey)}/boxes`, query: { ...q, limit: BOX_PAGE_SIZE }, subject: pipelineSubject(pipelineKey) });
    return Array.isArray(body) ? { items: body, more: body.length >= BOX_PAGE_SIZE } : { items: body.results, more: body.hasNextPage === true };
  },
  searchByName: (http: HttpClient, q: { name: string; pipelineKey: string; stageKey?: string; page: number }) =>
    http.json<{ results: { boxes?: Array<{ boxKey?: string; key?: string; name: string; pipelineKey?: string; stageKey?: string }> } }>({ path: '/v1/search', query: q }),

  createContact: (http: HttpClient, teamKey: string, body: Record<string, unknown>) =>
    http.json<WireContact>({ method: 'POST', path: `/v2/teams/${enc(teamKey)}/contacts`, query: { getIfExisting: true }, json: body, subject: { type: 'team', key: teamKey }, idempotent: true }),
  updateContact: (http: HttpClient, key: string, body: Record<string, unknown>) =>
    http.json<WireContact>({ method: 'POST', path: `/v2/contacts/${enc(key)}`, json: body, subject: { type: 'contact', key }, idempotent: true }),
  /** One page of a team's contacts or organizations; only contacts take `after` (epoch seconds). */
  partyPage: <W>(http: HttpClient, kind: 'contacts' | 'organizations', teamKey: string, q: { cursor?: string; after?: number; limit: number }) =>
    http.json<{ results: W[]; cursor?: string | null }>({ path: `/v2/teams/${enc(teamKey)}/${kind}`, query: q, subject: { type: 'team', key: teamKey } }),
  /** Contacts or organizations by key; Streak omits keys it cannot show. */
  batchGet: <W>(http: HttpClient, kind: 'contacts' | 'organizations', keys: string[]) =>
    http.json<Record<string, W>>({ method: 'POST', path: `/v2/${kind}/batch/get`, json: keys, idempotent: true }),
  createOrganization: (http: HttpClient, teamKey: string, body: Record<string, unknown>) =>
    http.json<WireOrganization>({ method: 'POST', path: `/v2/teams/${enc(teamKey)}/organizations`, query: { getIfExisting: true }, json: body, subject: { type: 'team', key: teamKey }, idempotent: true }),
  updateOrganization: (http: HttpClient, key: string, body: Record<string, unknown>) =>
    http.json<WireOrganization>({ method: 'POST', path: `/v2/organizations/${enc(key)}`, json: body, subject: { type: 'organization', key }, idempotent: true }),

  listComments: async (http: HttpClient, boxKey: string) =>
    (await http.json<{ results: WireComment[] }>({ path: `/v2/boxes/${enc(boxKey)}/comments`, subject: boxSubject(boxKey) })).results,
  /** Every task of a box, page by page (Streak pages box tasks at up to 1,000). */
  listTasks: async (http: HttpClient, boxKey: string) => {
    const tasks: WireTask[] = [];
    for (let page = 0; ; page++) {
      const body = await http.json<{ results: WireTask[]; hasNextPage?: boolean }>({ path: `/v2/boxes/${enc(boxKey)}/tasks`, query: { limit: 1000, page }, subject: boxSubject(boxKey) });
      tasks.push(...body.results);
      if (body.hasNextPage !== true) return tasks;
    }
  },
  addComment: (http: HttpClient, boxKey: string, message: string) =>
    http.json<WireComment>({ method: 'POST', path: `/v2/boxes/${enc(boxKey)}/comments`, json: { message }, subject: boxSubject(boxKey) }),
  createTask: (http: HttpClient, boxKey: string, body: Record<string, unknown>) =>
    http.json<WireTask>({ method: 'POST', path: `/v2/boxes/${enc(boxKey)}/tasks`, json: body, subject: boxSubject(boxKey) }),
  createMeeting: (http: HttpClient, boxKey: string, body: Record<string, unknown>) =>
    http.json<WireMeeting>({ method: 'POST', path: `/v2/boxes/${enc(boxKey)}/meetings`, json: body, subject: boxSubject(boxKey) }),

  createWebhook: (http: HttpClient, scope: { pipelineKey: string } | { teamKey: string }, body: { event: string; targetUrl: string; token: string }) =>
    http.json<WireWebhook>({ method: 'POST', path: '/v2/webhooks', query: scope, json: body, subject: 'pipelineKey' in scope ? pipelineSubject(scope.pipelineKey) : { type: 'team', key: scope.teamKey } }),
  deleteWebhook: (http: HttpClient, key: string) => http.json({ method: 'DELETE', path: `/v2/webhooks/${enc(key)}`, subject: { type: 'webhook', key } }),
};
