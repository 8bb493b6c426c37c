// Shared steps of the operate browser tests: sign in as a demo user, seed a scenario through the
// conduit-flows CLI (each test its own tag), call tRPC over HTTP, and save the screenshots the docs show.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E } from '../playwright.config';
import { docImage } from './doc-images';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export interface Scenario {
  flowId: string;
  flowName: string;
  boxKey: string;
  failedRunId: string;
  deadLetterId: string;
  approvalId: string;
  approvalRunId: string;
}

function conduitFlows(args: string[]): string {
  return execFileSync('pnpm', ['--silent', '--filter', '@conduit/designer', 'exec', 'tsx', 'src/cli/flows.ts', ...args], {
    cwd: repo,
    env: { ...process.env, DATABASE_URL: E2E.databaseUrl },
    encoding: 'utf8',
  });
}

export function seedScenario(): Scenario {
  return JSON.parse(conduitFlows(['demo-runs', '--workspace', 'demo', '--tag', randomBytes(3).toString('hex').toUpperCase()])) as Scenario;
}

/** The flow's file as `conduit-flows export` writes it. */
export function exportFlowFile(flowName: string): { format: string; versions: Array<Record<string, unknown> & { graph: { nodes: Array<{ id: string; config: Record<string, unknown> }> } }> } {
  return JSON.parse(conduitFlows(['export', '--workspace', 'demo', '--flow', flowName])) as ReturnType<typeof exportFlowFile>;
}

export async function signIn(page: Page, role: 'owner' | 'admin' | 'builder' | 'approver' | 'viewer'): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(`${role}@demo.conduit.local`);
  await page.getByTestId('login-password').fill('conduit-demo');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-role')).toHaveText(role);
}

/** A tRPC call over HTTP with the page's session cookie; throws with the server's message on failure. */
export async function trpc<T>(request: APIRequestContext, path: string, input?: unknown, kind: 'query' | 'mutation' = 'mutation'): Promise<T> {
  const res =
    kind === 'query'
      ? await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input ?? null }))}`)
      : await request.post(`/api/trpc/${path}`, { data: { json: input ?? null } });
  const body = (await res.json()) as { result?: { data?: { json?: T } }; error?: { json?: { message?: string } } };
  if (!res.ok()) throw new Error(`${path}: HTTP ${res.status()} ${body.error?.json?.message ?? ''}`);
  return body.result?.data?.json as T;
}

/** A tRPC mutation over HTTP with the page's session cookie; returns the HTTP status. */
export async function trpcMutation(request: APIRequestContext, path: string, input: unknown): Promise<number> {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  return res.status();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: docImage(`operate-${name}`), fullPage: true });
}
