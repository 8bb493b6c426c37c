// Where the contract suite runs: an in-process sandbox by default, or real Streak when
// STREAK_CONTRACT_URL (e.g. https://api.streak.com/api) and STREAK_API_KEY are set.
import { sandboxControl, type SandboxControl } from '../control-client';
import { env } from '../env';
import { startSandbox } from '../server';

export const AGAINST_REAL_STREAK = Boolean(env.STREAK_CONTRACT_URL && env.STREAK_API_KEY);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- contract tests inspect arbitrary JSON
export type Json = any;

export interface Res {
  status: number;
  body: Json;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  json?: unknown;
  form?: Record<string, string>;
  /** Raw body with its content type (for malformed-input tests). */
  raw?: { body: string; contentType: string };
  /** Override the Authorization header (`null` = none). */
  authorization?: string | null;
}

export interface Target {
  /** API base, ending in `/api` (paths below start with `/v1` or `/v2`). */
  base: string;
  apiKey: string;
  /** Present only for the in-process sandbox. */
  control: SandboxControl | null;
  origin: string;
  request(method: string, path: string, opts?: RequestOptions): Promise<Res>;
  get(path: string): Promise<Res>;
  post(path: string, json?: unknown): Promise<Res>;
  put(path: string, form: Record<string, string>): Promise<Res>;
  del(path: string): Promise<Res>;
  close(): Promise<void>;
}

export const basic = (key: string): string => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

export async function openTarget(): Promise<Target> {
  const sandbox = AGAINST_REAL_STREAK ? null : await startSandbox({ dataFile: null });
  const base = sandbox ? `${sandbox.url}/api` : (env.STREAK_CONTRACT_URL as string).replace(/\/$/, '');
  const apiKey = sandbox ? sandbox.apiKey : (env.STREAK_API_KEY as string);
  const request = async (method: string, path: string, opts: RequestOptions = {}): Promise<Res> => {
    const headers: Record<string, string> = {};
    const auth = opts.authorization === undefined ? basic(apiKey) : opts.authorization;
    if (auth !== null) headers.authorization = auth;
    let body: string | undefined;
    if (opts.json !== undefined)
      [headers['content-type'], body] = ['application/json', JSON.stringify(opts.json)];
    if (opts.form)
      [headers['content-type'], body] = [
        'application/x-www-form-urlencoded',
        new URLSearchParams(opts.form).toString(),
      ];
    if (opts.raw) [headers['content-type'], body] = [opts.raw.contentType, opts.raw.body];
    const res = await fetch(`${base}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: Json = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  return {
    base,
    apiKey,
    origin: sandbox?.url ?? '',
    control: sandbox ? sandboxControl(sandbox.url) : null,
    request,
    get: (path) => request('GET', path),
    post: (path, json) => request('POST', path, json === undefined ? {} : { json }),
    put: (path, form) => request('PUT', path, { form }),
    del: (path) => request('DELETE', path),
    close: async () => sandbox?.close(),
  };
}

/** The caller's first team (the demo team in the sandbox). */
export async function firstTeamKey(t: Target): Promise<string> {
  const res = await t.get('/v2/users/me/teams');
  return res.body.results[0].key as string;
}

/** A fresh pipeline for one test file, so the suite never depends on (or disturbs) existing data. */
export async function scratchPipeline(
  t: Target,
  name: string,
  fields: { name: string; type: string }[] = [],
): Promise<Json> {
  const teamKey = await firstTeamKey(t);
  const res = await t.post('/v2/pipelines', {
    name: `contract ${name} ${Date.now()}`,
    teamKey,
    stages: ['Lead', 'Qualified', 'Won'],
    fields,
  });
  if (res.status !== 200) throw new Error(`could not create scratch pipeline: ${res.status} ${res.text}`);
  return res.body;
}

/** Delete a scratch pipeline and its boxes. */
export async function dropPipeline(t: Target, pipelineKey: string): Promise<void> {
  const boxes = await t.get(`/v1/pipelines/${pipelineKey}/boxes`);
  for (const b of Array.isArray(boxes.body) ? boxes.body : []) await t.del(`/v1/boxes/${b.key}`);
  await t.del(`/v1/pipelines/${pipelineKey}`);
}

export const expectError = (res: Res, status: number): void => {
  if (res.status !== status || typeof res.body?.error !== 'string' || res.body.error.length === 0) {
    throw new Error(`expected ${status} with an error message, got ${res.status}: ${res.text}`);
  }
};
