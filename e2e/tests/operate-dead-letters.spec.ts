import { expect, test } from '@playwright/test';
import { exportFlowFile, screenshot, seedScenario, signIn } from './operate-support';

test('a failed run is found by box key, inspected, fixed with a mapping change and replayed from the dead letters', async ({ page }) => {
  const s = seedScenario();
  await signIn(page, 'builder');

  await test.step('find the failed run by its Streak box key', async () => {
    await page.goto('/runs');
    await page.getByTestId('runs-search').fill(s.boxKey);
    await page.getByTestId('runs-search-submit').click();
    await expect(page.getByTestId('run-row')).toHaveCount(1);
    await expect(page.getByTestId('run-row')).toContainText('dead lettered');
    await screenshot(page, 'runs');
    await page.getByTestId('run-row').getByRole('link').click();
  });

  await test.step('inspect it: the graph marks the failed node, the step shows the remote message', async () => {
    await expect(page).toHaveURL(new RegExp(`/runs/${s.failedRunId}$`));
    await expect(page.getByTestId('run-status')).toHaveText('dead lettered');
    await expect(page.getByTestId('graph-node-order')).toHaveAttribute('data-status', 'failed');
    await expect(page.getByTestId('step-order').getByTestId('step-error')).toContainText('CustomerNo is required');
    await expect(page.getByTestId('run-links')).toContainText(s.boxKey);
    await expect(page.getByTestId('step-trigger')).not.toContainText('leaked-secret');
    await screenshot(page, 'run-detail');
  });

  await test.step('fix the mapping: import version 2 of the flow and deploy it to Development', async () => {
    const file = exportFlowFile(s.flowName);
    const v2 = structuredClone(file.versions[0]!);
    const order = v2.graph.nodes.find((n) => n.id === 'order')!;
    order.config.inputs = { fields: [{ target: 'CustomerNo', source: 'customer.CustomerNo' }, { target: 'CustomerPONo', source: 'box.name' }] };
    file.versions.push({ ...v2, number: 2, message: 'map CustomerNo from the Sage lookup', contentHash: `${String(v2.contentHash)}-fixed` });
    await page.goto('/environments');
    await page.getByTestId('flow-import-file').setInputFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(page.getByTestId('flow-import-result')).toContainText('1 new version');
    const row = page.getByTestId(`deploy-row-${s.flowName}`);
    await row.getByTestId('deploy-select-dev').selectOption({ label: 'v2 map CustomerNo from the Sage lookup' });
    await expect(row.getByTestId('live-dev')).toHaveText('v2');
  });

  await test.step('replay from the dead letters, after a preview of what is retried', async () => {
    await page.goto('/dead-letters');
    const item = page.getByTestId('dl-item').filter({ hasText: s.boxKey });
    await expect(page.getByTestId('dl-group-VALIDATION').getByTestId('dl-suggestion')).toContainText('fix the mapping');
    await item.getByRole('checkbox').check();
    await screenshot(page, 'dead-letters');
    await page.getByTestId('dl-replay').click();
    await expect(page.getByTestId('dl-preview')).toContainText('v2');
    await expect(page.getByTestId('dl-preview')).toContainText('01-ABF');
    await screenshot(page, 'replay-preview');
    await page.getByTestId('dl-replay-confirm').click();
    await expect(item).toHaveCount(0);
  });

  await test.step('the replay is a new run of the same box on version 2', async () => {
    await page.goto('/runs');
    await page.getByTestId('runs-search').fill(s.boxKey);
    await page.getByTestId('runs-search-submit').click();
    await expect(page.getByTestId('run-row')).toHaveCount(2);
    await expect(page.getByTestId('run-row').first()).toContainText('v2');
  });
});
