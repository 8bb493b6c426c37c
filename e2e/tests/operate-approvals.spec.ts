import { expect, test } from '@playwright/test';
import { screenshot, seedScenario, signIn } from './operate-support';

test('an approval is granted from the inbox and the decision is audited', async ({ page }) => {
  const s = seedScenario();
  await signIn(page, 'approver');

  await test.step('the inbox shows the large deal with its expiry', async () => {
    await page.goto('/approvals');
    const row = page.getByTestId('approval-row').filter({ hasText: `Acme Corp ${s.boxKey.slice(4)}` });
    await expect(row).toContainText('$25,000.00');
    await expect(row.getByTestId('approval-expiry')).toContainText('Expires');
    await screenshot(page, 'approvals');
    await row.getByRole('link').click();
  });

  await test.step('the deal summary and the mapped order preview are shown', async () => {
    await expect(page).toHaveURL(new RegExp(`/approvals/${s.approvalId}$`));
    await expect(page.getByTestId('approval-deal')).toContainText('Closed-Won');
    await expect(page.getByTestId('approval-order')).toContainText('WIDGET-100');
    await expect(page.getByTestId('approval-escalation')).toContainText('Escalates');
    await screenshot(page, 'approval-detail');
  });

  await test.step('approve with a comment', async () => {
    await page.getByTestId('approval-comment').fill('Known customer, credit checked.');
    await page.getByTestId('approval-approve').click();
    await expect(page.getByTestId('approval-status')).toHaveText('approved');
    await expect(page.getByTestId('approval-decided')).toContainText('Abe Approver');
  });

  await test.step('an admin finds the decision in the audit log', async () => {
    await page.context().clearCookies();
    await signIn(page, 'admin');
    await page.goto('/audit');
    await page.getByTestId('audit-action').fill('approval.');
    const entry = page.getByTestId('audit-entry').filter({ hasText: 'approver@demo.conduit.local' }).first();
    await expect(entry).toContainText('approval.approve');
  });
});
