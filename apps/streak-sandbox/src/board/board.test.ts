// The board as a demo user drives it, in headless Chromium: open a deal's editor, see every custom
// field as a labelled input and the box's comments, change a field and the stage, save, and find both
// through the API.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoSeed, startSandbox, type Sandbox } from '../index';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let sandbox: Sandbox;
let browser: Browser;
beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: null });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

it('edits a box from the board: custom fields are labelled inputs, saving moves the stage and keeps the edit', async () => {
  const page = await browser.newPage();
  await page.goto(sandbox.url);
  const card = page.getByTestId('stage-Negotiation').getByTestId('box-card').first();
  const key = await card.getAttribute('data-box-key');
  const auth = { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' };
  for (const message of ['Order 0000042 created', 'Payment received: 500.00'])
    await fetch(`${sandbox.url}/api/v2/boxes/${key}/comments`, { method: 'POST', headers: auth, body: JSON.stringify({ message }) });
  await card.click();

  const editor = page.getByTestId('box-editor');
  await editor.waitFor();
  const fieldsText = await editor.locator('#editor-fields').innerText();
  expect(fieldsText).not.toContain('[object');
  for (const name of ['Deal value', 'Currency', 'Order status']) expect(fieldsText).toContain(name);
  // Comments newest first: what the flows wrote back is on the box.
  await editor.getByTestId('box-comment').first().waitFor();
  expect(await editor.getByTestId('box-comment').locator('p').allInnerTexts()).toEqual(['Payment received: 500.00', 'Order 0000042 created']);

  const seed = demoSeed();
  const poKey = seed.fields['PO reference'] as string;
  await editor.locator(`[name="f${poKey}"]`).fill('PO-BOARD-7');
  await editor.locator('select[name="stageKey"]').selectOption({ label: 'Closed-Won' });
  await page.getByTestId('box-save').click();
  await page.getByTestId('stage-Closed-Won').locator(`[data-box-key="${key}"]`).waitFor();

  const res = await fetch(`${sandbox.url}/api/v1/boxes/${key}`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });
  const box = (await res.json()) as { stageKey: string; fields: Record<string, unknown> };
  expect(box.stageKey).toBe(seed.stages['Closed-Won']);
  expect(box.fields[poKey]).toBe('PO-BOARD-7');
});
