import { expect, test } from '@playwright/test';
import { seedScenario, signIn, trpcMutation } from './operate-support';

test('a viewer sees runs, dead letters, approvals and environments but can change none of them', async ({ page }) => {
  const s = seedScenario();
  await signIn(page, 'viewer');

  await test.step('the UI offers no actions', async () => {
    await page.goto(`/runs/${s.failedRunId}`);
    await expect(page.getByTestId('run-status')).toHaveText('dead lettered');
    await expect(page.getByTestId('run-retry')).toHaveCount(0);
    await expect(page.getByTestId('run-rerun')).toHaveCount(0);
    await page.goto('/dead-letters');
    await expect(page.getByTestId('dl-item').filter({ hasText: s.boxKey })).toBeVisible();
    await expect(page.getByTestId('dl-replay')).toHaveCount(0);
    await expect(page.getByTestId('dl-item').getByRole('checkbox')).toHaveCount(0);
    await page.goto(`/approvals/${s.approvalId}`);
    await expect(page.getByTestId('approval-status')).toHaveText('pending');
    await expect(page.getByTestId('approval-decision')).toHaveCount(0);
    await page.goto('/environments');
    await expect(page.getByTestId(`deploy-row-${s.flowName}`)).toBeVisible();
    await expect(page.getByRole('button', { name: /Promote/ })).toHaveCount(0);
    await expect(page.getByTestId('flow-export')).toHaveCount(0);
  });

  await test.step('the API refuses it too', async () => {
    const env = { environmentId: '00000000-0000-4000-8000-000000000000' };
    expect(await trpcMutation(page.request, 'runs.retry', { runId: s.failedRunId })).toBe(403);
    expect(await trpcMutation(page.request, 'deadLetters.replay', { ids: [s.deadLetterId] })).toBe(403);
    expect(await trpcMutation(page.request, 'approvals.decide', { id: s.approvalId, approved: true })).toBe(403);
    expect(await trpcMutation(page.request, 'deployments.promote', { flowId: s.flowId, fromEnvironmentId: env.environmentId, toEnvironmentId: env.environmentId })).toBe(403);
    expect(await trpcMutation(page.request, 'transfer.exportFlow', { flowId: s.flowId })).toBe(403);
  });

  await test.step('and nothing changed', async () => {
    await page.goto(`/approvals/${s.approvalId}`);
    await expect(page.getByTestId('approval-status')).toHaveText('pending');
  });
});
