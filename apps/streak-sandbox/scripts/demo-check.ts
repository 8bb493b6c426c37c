// The new-user walkthrough, automated: open the board in headless Chromium, subscribe a local
// receiver to BOX_CHANGE_STAGE with a token (through the board's own form), drag a Negotiation card
// to Closed-Won, wait until the delivery log shows it delivered and the receiver saw the token, then
// write a Sage order number back through the API (as Conduit would) and see the card show it.
// Saves docs/board.png. Run: pnpm --filter @conduit/streak-sandbox demo:check
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startReceiver } from '../src/contract/receiver';
import { demoSeed, startSandbox } from '../src/index';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const screenshot = fileURLToPath(new URL('../docs/board.png', import.meta.url));

async function main(): Promise<void> {
  const sandbox = await startSandbox({ dataFile: null });
  const rx = await startReceiver();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(sandbox.url);
    await page.getByTestId('box-card').first().waitFor();

    await page.getByTestId('webhook-event').selectOption('BOX_CHANGE_STAGE');
    await page.getByTestId('webhook-url').fill(`${rx.url}/streak`);
    await page.getByTestId('webhook-token').fill('demo-token-42');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByTestId('webhook-item').first().waitFor();

    const card = page.getByTestId('stage-Negotiation').getByTestId('box-card').first();
    const name = (await card.locator('.card-title').textContent()) ?? '';
    await card.dragTo(page.getByTestId('stage-Closed-Won'));
    await page.getByTestId('stage-Closed-Won').getByText(name).waitFor();

    const [delivery] = await rx.waitFor(1);
    const box = (delivery?.body as { key: string; name: string; stageKey: string }[])[0];
    if (delivery?.headers['x-streak-webhook-token'] !== 'demo-token-42')
      throw new Error('token header missing');
    await page
      .locator('[data-testid=delivery-row][data-status=delivered]')
      .first()
      .waitFor({ timeout: 10_000 });

    // What Conduit does next: write the Sage order number and status back; the board shows it unprompted.
    const seed = demoSeed();
    const writeBack = {
      [seed.fields['Sage sales order no'] as string]: '0012345',
      [seed.fields['Order status'] as string]: seed.options['Order status']?.Open,
    };
    await fetch(`${sandbox.url}/api/v1/boxes/${box?.key}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fields: writeBack }),
    });
    await page.getByTestId('stage-Closed-Won').getByText('SO 0012345').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshot });
    console.log(
      `moved "${box?.name}" to stage ${box?.stageKey}; receiver got it with X-Streak-Webhook-Token; write-back shown on the card; screenshot: ${screenshot}`,
    );
  } finally {
    await browser.close();
    await rx.close();
    await sandbox.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
