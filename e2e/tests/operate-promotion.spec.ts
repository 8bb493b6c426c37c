import { expect, test } from '@playwright/test';
import { screenshot, seedScenario, signIn } from './operate-support';

test('a flow version is promoted dev → QA → prod with a diff and appears in the audit log', async ({ page }) => {
  const s = seedScenario();
  await signIn(page, 'owner');
  await page.goto('/environments');
  const row = page.getByTestId(`deploy-row-${s.flowName}`);

  await test.step('promote to QA after reading the diff', async () => {
    await expect(row.getByTestId('live-dev')).toHaveText('v1');
    await row.getByTestId('promote-dev-qa').click();
    const dialog = page.getByTestId('promote-dialog');
    await expect(dialog.getByTestId('promote-summary')).toContainText('QA goes from nothing deployed to v1');
    await expect(dialog.getByTestId('diff-nodes')).toContainText('Create sales order');
    await expect(dialog.getByTestId('diff-mappings')).toContainText('order → CustomerNo');
    await screenshot(page, 'promote-diff');
    await dialog.getByTestId('promote-confirm').click();
    await expect(row.getByTestId('live-qa')).toHaveText('v1');
  });

  await test.step('promote to protected prod', async () => {
    await row.getByTestId('promote-qa-prod').click();
    await expect(page.getByTestId('promote-summary')).toContainText('This environment is protected');
    await page.getByTestId('promote-confirm').click();
    await expect(row.getByTestId('live-prod')).toHaveText('v1');
    await screenshot(page, 'environments');
  });

  await test.step('both promotions are in the audit log with before and after', async () => {
    await page.goto('/audit');
    await page.getByTestId('audit-action').fill('flow.promote');
    const entries = page.getByTestId('audit-entry');
    await expect(entries.first()).toContainText('owner@demo.conduit.local');
    await entries.first().locator('summary').click();
    await expect(entries.first()).toContainText('"environment": "prod"');
    await expect(entries.first()).toContainText('"from": "qa"');
    await screenshot(page, 'audit');
  });

  await test.step('the other operate pages render for the record', async () => {
    await page.goto('/dashboard');
    await expect(page.getByTestId('chart-runs')).toBeVisible();
    await expect(page.getByTestId('stat-backlog')).not.toHaveText('');
    await screenshot(page, 'dashboard');
    await page.goto('/connections');
    await expect(page.getByTestId('conn-item').first()).toBeVisible();
    await page.getByTestId('conn-item').first().getByTestId('conn-test').click();
    await expect(page.getByTestId('conn-item').first().getByTestId('conn-test-result')).toBeVisible();
    await screenshot(page, 'connections');
    await page.goto('/alerts');
    await screenshot(page, 'alerts');
  });
});
