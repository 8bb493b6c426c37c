// Shared steps of the designer browser tests: sign in, find a Closed-Won box in the sandbox's demo seed.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E } from '../playwright.config';

/** The sandbox's fixed demo API key (apps/streak-sandbox/src/seed/identity.ts). */
const SANDBOX_URL = process.env.E2E_SANDBOX_URL ?? E2E.sandbox;
const GATEWAY_URL = process.env.E2E_GATEWAY_URL ?? E2E.gateway;
/** The gateway's fixed demo token (apps/sage100-gateway/src/index.ts). */
const GATEWAY_TOKEN = 'conduit-demo-sage100-gateway-token';
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

/**
 * A Closed-Won box in the Sales pipeline (unique name, so it can be loaded by name) that Sage 100 can
 * take an order for: the two demo data sets share no customers or items, so the test points the box's
 * “Sage customer no” and “Products” at an active customer and a regular item of the gateway's company.
 */
export async function closedWonBox(request: APIRequestContext): Promise<DemoBox> {
  const headers = { authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString('base64')}` };
  const pipelines = (await (await request.get(`${SANDBOX_URL}/api/v1/pipelines`, { headers })).json()) as Array<{ key: string; name: string; stages: Record<string, { key: string; name: string }>; fields: Array<{ key: string; name: string }> }>;
  const sales = pipelines.find((p) => p.name === 'Sales')!;
  const stage = Object.values(sales.stages).find((s) => s.name === 'Closed-Won')!;
  const field = (name: string) => sales.fields.find((f) => f.name === name)!.key;
  const boxes = (await (await request.get(`${SANDBOX_URL}/api/v1/pipelines/${sales.key}/boxes`, { headers })).json()) as Array<{ key: string; name: string; stageKey: string }>;
  const box = boxes.find((b) => b.stageKey === stage.key && boxes.filter((x) => x.name === b.name).length === 1)!;
  expect(box, 'the sandbox demo seed has a Closed-Won box with a unique name').toBeTruthy();

  const sage = { authorization: `Bearer ${GATEWAY_TOKEN}` };
  const customers = ((await (await request.get(`${GATEWAY_URL}/v1/companies/ABC/customers?limit=100`, { headers: sage })).json()) as { data: { items: Array<{ customerKey: string; customerStatus: string; creditHold: boolean }> } }).data.items;
  const items = ((await (await request.get(`${GATEWAY_URL}/v1/companies/ABC/items?limit=200`, { headers: sage })).json()) as { data: { items: Array<{ itemCode: string; itemType: string; inactiveItem: boolean }> } }).data.items;
  const customer = customers.find((c) => c.customerStatus === 'A' && !c.creditHold)!.customerKey;
  const item = items.find((i) => i.itemType === '1' && !i.inactiveItem)!.itemCode;
  const setField = (name: string, value: string) => request.post(`${SANDBOX_URL}/api/v1/boxes/${box.key}/fields/${field(name)}`, { headers, data: { value } });
  expect((await setField('Sage customer no', customer)).status()).toBe(200);
  expect((await setField('Products', `${item} x 2 @ 10.00`)).status()).toBe(200);
  return { name: box.name, key: box.key, sageCustomerNo: customer };
}

/** Drags a palette entry onto the canvas at a point (relative to the canvas). */
export async function dragStep(page: Page, item: string, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId(`palette-item-${item}`).dragTo(page.getByTestId('canvas'), { targetPosition: at });
}

export function node(page: Page, label: string) {
  return page.getByTestId('canvas-node').filter({ has: page.getByTestId('node-label').getByText(label, { exact: true }) });
}
