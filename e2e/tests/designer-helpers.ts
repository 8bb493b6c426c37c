// Shared steps of the designer browser tests: sign in, find a Closed-Won box in the sandbox's demo seed.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E } from '../playwright.config';

/** The sandbox's fixed demo API key (apps/streak-sandbox/src/seed/identity.ts). */
const SANDBOX_URL = process.env.E2E_SANDBOX_URL ?? E2E.sandbox;
const SANDBOX_KEY = 'strk_demo8c2f41a97e3b5d06c4a1f9e27b8d3c55';

export async function signIn(page: Page, who: 'owner' | 'builder' | 'viewer' = 'builder'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(`${who}@demo.conduit.local`);
  await page.getByLabel('Password').fill('conduit-demo');
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/flows$/);
}

export interface DemoBox {
  name: string;
  key: string;
  sageCustomerNo: string;
}

/** A box in the Sales pipeline's Closed-Won stage with a unique name, products and a Sage customer number. */
export async function closedWonBox(request: APIRequestContext): Promise<DemoBox> {
  const headers = { authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString('base64')}` };
  const pipelines = (await (await request.get(`${SANDBOX_URL}/api/v1/pipelines`, { headers })).json()) as Array<{ key: string; name: string; stages: Record<string, { key: string; name: string }>; fields: Array<{ key: string; name: string }> }>;
  const sales = pipelines.find((p) => p.name === 'Sales')!;
  const stage = Object.values(sales.stages).find((s) => s.name === 'Closed-Won')!;
  const field = (name: string) => sales.fields.find((f) => f.name === name)!.key;
  const boxes = (await (await request.get(`${SANDBOX_URL}/api/v1/pipelines/${sales.key}/boxes`, { headers })).json()) as Array<{ key: string; name: string; stageKey: string; fields: Record<string, unknown> }>;
  // Box names repeat in the seed; the sample is loaded by name, so take one whose name is unique.
  const unique = (name: string) => boxes.filter((b) => b.name === name).length === 1;
  const box = boxes.find((b) => b.stageKey === stage.key && unique(b.name) && typeof b.fields[field('Products')] === 'string' && typeof b.fields[field('Sage customer no')] === 'string')!;
  expect(box, 'the sandbox demo seed has a Closed-Won box with products').toBeTruthy();
  return { name: box.name, key: box.key, sageCustomerNo: String(box.fields[field('Sage customer no')]) };
}

/** Drags a palette entry onto the canvas at a point (relative to the canvas). */
export async function dragStep(page: Page, item: string, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId(`palette-item-${item}`).dragTo(page.getByTestId('canvas'), { targetPosition: at });
}

export function node(page: Page, label: string) {
  return page.getByTestId('canvas-node').filter({ has: page.getByTestId('node-label').getByText(label, { exact: true }) });
}
