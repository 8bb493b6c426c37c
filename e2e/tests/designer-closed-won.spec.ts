import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { closedWonBox, dragStep, node, signIn } from './designer-helpers';
import { docImage } from './doc-images';

const shot = (name: string) => docImage(`designer-${name}`);

test('a builder draws Closed-Won → Sales Order, maps it, test-runs it, saves and compares versions', async ({ page, request }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const box = await closedWonBox(request);

  await test.step('sign in and create an empty flow', async () => {
    await signIn(page, 'builder');
    await page.getByTestId('flow-new').click();
    await page.getByTestId('new-flow-name').fill('Closed-Won → Sales Order');
    await page.getByTestId('new-flow-create').click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('flow-name')).toHaveText('Closed-Won → Sales Order');
    await expect(page.getByTestId('canvas-node')).toHaveCount(0);
  });

  await test.step('drag a Streak trigger onto the canvas and point it at Closed-Won boxes', async () => {
    await dragStep(page, 'trigger:streak@1:boxEvent', { x: 400, y: 80 });
    await expect(page.getByTestId('canvas-node')).toHaveCount(1);
    await page.getByTestId('inspector-label').fill('Deal is Closed-Won');
    await page.getByTestId('trigger-event').selectOption('BOX_CHANGE_STAGE');
    await page.getByTestId('trigger-pipelineKey').selectOption({ label: 'Sales' });
    await page.getByTestId('trigger-stage').selectOption({ label: 'Closed-Won' });
    await page.getByTestId('sample-query').fill(box.name);
    await page.getByTestId('sample-load').click();
    await expect(page.getByTestId('sample-pinned')).toContainText(box.name);
  });

  await test.step('add a map step that reads the order lines from the Products field', async () => {
    await dragStep(page, 'map', { x: 400, y: 220 });
    await expect(page.getByTestId('canvas-node')).toHaveCount(2);
    await page.getByTestId('inspector-label').fill('Read order lines');
    await page.getByTestId('open-mapping').click();
    await page.getByTestId('new-target-name').fill('lines');
    await page.getByTestId('source-item').filter({ hasText: 'Products' }).dragTo(page.getByTestId('mapping-new-target'));
    const row = page.locator('[data-testid=target-row][data-target="lines"]');
    await expect(row.getByTestId('target-source')).toHaveValue(/^trigger\.fields\./);
    await row.getByTestId('add-transform').selectOption('parseLineItems');
    await expect(row.getByTestId('transform-chip')).toHaveText(/parseLineItems/);
    await expect(page.getByTestId('mapping-preview-json')).toContainText('itemCode');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('add the Sage sales order: it shows errors until its required fields are mapped', async () => {
    await dragStep(page, 'action:sage100@1:createSalesOrder', { x: 400, y: 360 });
    const order = node(page, 'Create sales order');
    await expect(order).toHaveAttribute('data-errors', /^[1-9]/);
    await expect(page.getByTestId('problem-item').filter({ hasText: "required input 'customerKey' is not mapped" })).toBeVisible();
    await page.getByTestId('open-mapping').click();
    await expect(page.getByTestId('mapping-unmapped')).toContainText('Customer');
  });

  await test.step('accept a suggested mapping and map the lines by dragging', async () => {
    await page.getByTestId('suggest').click();
    const customer = page.locator('[data-testid=suggestion][data-target="customerKey"]');
    await expect(customer).toContainText('division-customer key');
    await customer.getByTestId('suggestion-accept').click();
    await expect(page.locator('[data-testid=target-row][data-target="customerKey"]').getByTestId('target-source')).toHaveValue(/^trigger\.fields\./);
    await page.locator('[data-testid=source-item][data-path$="lines[].itemCode"]').dragTo(page.locator('[data-testid=target-row][data-target="lines[].itemCode"]'));
    await expect(page.getByTestId('mapping-complete')).toBeVisible();
    await page.locator('[data-testid=source-item][data-path$="lines[].quantity"]').dragTo(page.locator('[data-testid=target-row][data-target="lines[].quantityOrdered"]'));
    await page.locator('[data-testid=target-row][data-target="lines[].unitPrice"]').getByTestId('target-source').selectOption('steps.map_1.lines[].unitPrice');
    await expect(page.getByTestId('mapping-preview-json')).toContainText(box.sageCustomerNo);
    await expect(page.getByTestId('mapping-preview-json')).toContainText('quantityOrdered');
    await page.screenshot({ path: shot('mapping') });
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(node(page, 'Create sales order')).toHaveAttribute('data-errors', '0');
  });

  await test.step('connect a Streak write-back by dragging between ports', async () => {
    await page.getByTestId('canvas').click({ position: { x: 60, y: 500 } });
    await dragStep(page, 'action:streak@1:updateBox', { x: 700, y: 500 });
    const writeback = node(page, 'Update box');
    await expect(writeback).toHaveAttribute('data-errors', /^[1-9]/);
    await node(page, 'Create sales order').getByTestId('handle-out-out').dragTo(writeback.getByTestId('handle-in-in'));
    await page.getByTestId('open-mapping').click();
    await page.locator('[data-testid=target-row][data-target="boxKey"]').getByTestId('target-source').selectOption('trigger.key');
    await expect(page.getByTestId('mapping-complete')).toBeVisible();
    await page.getByTestId('suggest').click();
    const writeBack = page.getByTestId('suggestion').filter({ hasText: 'steps.write_1.salesOrderNo' });
    await expect(writeBack).toContainText('Sage sales order no');
    await writeBack.getByTestId('suggestion-accept').click();
    await expect(page.locator('[data-testid=target-row][data-target^="fields."][data-mapped=true]').getByTestId('target-source')).toHaveValue('steps.write_1.salesOrderNo');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('auto-layout').click();
    await expect(page.getByTestId('problems')).toContainText('No problems');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  });

  await test.step('the flow page passes an accessibility check', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });

  await test.step('test-run against the sandbox box and see each step’s output', async () => {
    await page.getByTestId('panel-test').click();
    await page.getByTestId('test-run-start').click();
    await expect(page.getByTestId('test-run-status')).toHaveAttribute('data-status', /succeeded|failed/, { timeout: 30_000 });
    await expect(page.getByTestId('test-run-status')).toHaveAttribute('data-status', 'succeeded');
    for (const step of ['Deal is Closed-Won', 'Read order lines', 'Create sales order', 'Update box']) await expect(node(page, step)).toHaveAttribute('data-run-state', 'succeeded');
    const orderStep = page.locator('[data-testid=test-run-step][data-node-id="write_1"]');
    await orderStep.getByText('Input').click();
    await expect(orderStep).toContainText(box.sageCustomerNo);
    await orderStep.getByText('Output').click();
    await expect(orderStep).toContainText('salesOrderNo');
    await page.screenshot({ path: shot('canvas') });
    await node(page, 'Read order lines').click();
    await page.getByTestId('panel-inspector').click();
    await expect(page.getByTestId('inspector-run-output')).toContainText('itemCode');
  });

  await test.step('save version 1, change the flow, save version 2 and compare them', async () => {
    await page.getByTestId('save-version').click();
    await page.getByTestId('version-message').fill('First cut: Closed-Won creates the sales order');
    await page.getByTestId('version-save').click();
    await expect(page.getByTestId('toast-success')).toContainText('Saved version 1');
    await node(page, 'Create sales order').click();
    await page.getByTestId('inspector-label').fill('Create the Sage sales order');
    await page.getByTestId('save-version').click();
    await page.getByTestId('version-message').fill('Clearer step name');
    await page.getByTestId('version-save').click();
    await expect(page.getByTestId('toast-success').last()).toContainText('Saved version 2');
    await page.getByTestId('panel-history').click();
    await expect(page.getByTestId('version-item')).toHaveCount(2);
    await page.getByTestId('version-compare-latest').click();
    await expect(page.getByTestId('diff-change')).toContainText(['Create the Sage sales order changed: renamed from “Create sales order”']);
    await page.getByTestId('diff-tab-json').click();
    await expect(page.getByTestId("diff-json")).toContainText(/\+\s+"label": "Create the Sage sales order"/);
  });
});
