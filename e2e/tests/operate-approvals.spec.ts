import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from '../playwright.config';
import { screenshot, signIn, trpc } from './operate-support';

/** The sandbox's fixed demo API key (apps/streak-sandbox/src/seed/identity.ts). */
const SANDBOX_KEY = 'strk_demo8c2f41a97e3b5d06c4a1f9e27b8d3c55';
const sandboxHeaders = { authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString('base64')}` };

interface Pipeline {
  key: string;
  name: string;
  stages: Record<string, { key: string; name: string }>;
}

/** A flow that asks a person before commenting on the box; saved and deployed to dev through the API. */
async function deployApprovalFlow(request: APIRequestContext, pipelineKey: string, name: string) {
  const at = (y: number) => ({ x: 200, y });
  const { id: flowId } = await trpc<{ id: string }>(request, 'flows.create', { name });
  const draft = {
    schemaVersion: 1,
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Deal changes stage',
        position: at(0),
        config: {
          type: 'webhook',
          connector: 'streak@1',
          event: 'boxEvent',
          params: { event: 'BOX_CHANGE_STAGE', pipelineKey },
        },
      },
      {
        id: 'order',
        kind: 'map',
        label: 'Prepare the sales order',
        position: at(100),
        config: {
          mapping: {
            fields: [
              { target: 'CustomerPONo', source: 'trigger.name' },
              { target: 'Comment', expression: '"Closed in Streak"' },
            ],
          },
        },
      },
      {
        id: 'approve',
        kind: 'approval',
        label: 'Finance approves',
        position: at(200),
        config: { message: 'concat("Deal ", trigger.name)', timeoutMs: 3_600_000, onTimeout: 'reject' },
      },
      {
        id: 'comment',
        kind: 'write',
        label: 'Comment on the box',
        position: at(300),
        config: {
          connector: 'streak@1',
          action: 'addComment',
          inputs: {
            fields: [
              { target: 'boxKey', source: 'trigger.key' },
              { target: 'message', expression: '"Approved in Conduit"' },
            ],
          },
        },
      },
    ],
    edges: [
      { id: 'e0', source: 'trigger', sourcePort: 'out', target: 'order', targetPort: 'in' },
      { id: 'e1', source: 'order', sourcePort: 'out', target: 'approve', targetPort: 'in' },
      { id: 'e2', source: 'approve', sourcePort: 'approved', target: 'comment', targetPort: 'in' },
    ],
  };
  await trpc(request, 'flows.saveDraft', { id: flowId, draft });
  await trpc(request, 'versions.save', { flowId, message: 'ask finance first', draft });
  const overview = await trpc<Array<{ id: string; versions: Array<{ id: string }> }>>(
    request,
    'deployments.overview',
    undefined,
    'query',
  );
  const versionId = overview.find((f) => f.id === flowId)!.versions[0]!.id;
  const envs = await trpc<Array<{ id: string; key: string }>>(
    request,
    'environments.list',
    undefined,
    'query',
  );
  await trpc(request, 'deployments.deploy', {
    environmentId: envs.find((e) => e.key === 'dev')!.id,
    flowVersionId: versionId,
  });
  return flowId;
}

test('a deal waits for approval in the inbox; approving it completes the run, and the decision is audited', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pipelines = (await (
    await page.request.get(`${E2E.sandbox}/api/v1/pipelines`, { headers: sandboxHeaders })
  ).json()) as Pipeline[];
  const sales = pipelines.find((p) => p.name === 'Sales')!;
  const boxes = (await (
    await page.request.get(`${E2E.sandbox}/api/v1/pipelines/${sales.key}/boxes`, { headers: sandboxHeaders })
  ).json()) as Array<{ key: string; name: string; stageKey: string }>;
  const box = boxes[boxes.length - 1]!;
  const nextStage = Object.values(sales.stages).find((s) => s.key !== box.stageKey)!;

  await test.step('an owner deploys a flow with an approval step to dev (Streak webhook registered)', async () => {
    await signIn(page, 'owner');
    await deployApprovalFlow(
      page.request,
      sales.key,
      `Approve before commenting ${randomBytes(3).toString('hex')}`,
    );
  });

  await test.step('the deal moves stage in Streak, and the run waits for a person', async () => {
    const moved = await page.request.post(`${E2E.sandbox}/api/v1/boxes/${box.key}`, {
      headers: sandboxHeaders,
      data: { stageKey: nextStage.key },
    });
    expect(moved.ok()).toBe(true);
    await page.context().clearCookies();
    await signIn(page, 'approver');
    await page.goto('/approvals');
    const row = page.getByTestId('approval-row').filter({ hasText: `Deal ${box.name}` });
    await expect(row).toBeVisible({ timeout: 30_000 });
    await screenshot(page, 'approvals');
    await row.getByRole('link').first().click();
  });

  await test.step('approve with a comment; the run goes on and completes', async () => {
    await expect(page.getByTestId('approval-status')).toHaveText('pending');
    await expect(page.getByTestId('approval-deal')).toContainText(box.name);
    await expect(page.getByTestId('approval-order')).toContainText('Closed in Streak');
    await screenshot(page, 'approval-detail');
    await page.getByTestId('approval-comment').fill('Known customer, credit checked.');
    await page.getByTestId('approval-approve').click();
    await expect(page.getByTestId('approval-status')).toHaveText('approved');
    await expect(page.getByTestId('approval-decided')).toContainText('Abe Approver');
    await page.getByRole('link', { name: 'Open the run →' }).click();
    await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 30_000 });
    await expect(page.getByTestId('graph-node-comment')).toHaveAttribute('data-status', 'succeeded');
  });

  await test.step('an admin finds the decision in the audit log', async () => {
    await page.context().clearCookies();
    await signIn(page, 'admin');
    await page.goto('/audit');
    await page.getByTestId('audit-action').fill('approval.');
    await expect(
      page.getByTestId('audit-entry').filter({ hasText: 'approver@demo.conduit.local' }).first(),
    ).toContainText('approval.approve');
  });
});
