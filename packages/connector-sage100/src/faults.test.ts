// The connector under the emulator's injected faults: record locks held by another Sage user, a session
// lost mid-order, a response lost after the order committed, and a slow Sage server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RetryableError, retryDecision } from '@conduit/connector-kit';
import { type SageTarget, fixtureCustomer, fixtureItems, sageTarget, uniqueCode } from './test/target';

type Rec = Record<string, unknown>;
type Order = Rec & { salesOrderNo: string; lines: Rec[]; replayed: boolean };

describe('Sage 100 connector under emulator faults', () => {
  let t: SageTarget;
  let customerKey: string;
  let customerNo: string;
  let items: string[];
  const run = (key: string, input: unknown, idempotencyKey?: string) => t.conn.runAction(key, input, idempotencyKey ? { idempotencyKey } : {}) as Promise<Order>;
  const fail = (key: string, input: unknown, idempotencyKey?: string) => run(key, input, idempotencyKey).then(() => expect.unreachable('should fail'), (e: unknown) => e as RetryableError);
  const byRef = async (externalId: string) => (await t.api<{ items: Rec[] }>('GET', `sales-orders?externalId=${externalId}`)).items;
  const order = (externalId: string) => ({ customerKey, externalId, lines: [{ itemCode: items[0], quantityOrdered: 1 }, { itemCode: items[1], quantityOrdered: 4 }] });

  beforeAll(async () => {
    t = await sageTarget();
    customerKey = await fixtureCustomer(t);
    customerNo = customerKey.slice(3);
    items = (await fixtureItems(t)).regular;
  });
  afterEach(async () => {
    await t.control.clearFaults();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('rides out a short record lock by retrying the update', async () => {
    await t.control.holdLock({ table: 'AR_Customer', key: ['01', customerNo], seconds: 0.3 });
    expect(await run('updateCustomer', { customerKey, comment: 'after the lock' })).toMatchObject({ comment: 'after the lock' });
  });

  it('reports a lock that outlasts the retries as retryable, naming the record, and writes nothing', async () => {
    await t.control.holdLock({ table: 'AR_Customer', key: ['01', customerNo], seconds: 600, user: 'JSMITH' });
    const err = await fail('updateCustomer', { customerKey, comment: 'locked out' });
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({ reason: 'lock', status: 423, subject: { type: 'customer', key: customerKey } });
    expect(err.message).toMatch(new RegExp(`^Sage 100: customer ${customerKey} fails: .*JSMITH`));
    expect(retryDecision(err)).toMatchObject({ retryable: true, type: 'RetryableError' });
    await t.control.clearFaults();
    expect((await run('getCustomer', { customerKey })).comment).toBe('after the lock');
  });

  it('reports a locked sales order on a non-repeatable update at once, as a lock', async () => {
    const o = await run('createSalesOrder', order(`box-${uniqueCode()}`), `k-${uniqueCode()}`);
    await t.control.holdLock({ table: 'SO_SalesOrderHeader', key: [o.salesOrderNo], seconds: 600 });
    const err = await fail('updateSalesOrder', { salesOrderNo: o.salesOrderNo, addLines: [{ itemCode: items[2], quantityOrdered: 1 }] });
    expect(err).toMatchObject({ reason: 'lock', subject: { type: 'sales order', key: o.salesOrderNo } });
    expect((await run('getSalesOrder', { salesOrderNo: o.salesOrderNo })).lines).toHaveLength(2);
  });

  it('recovers from a session lost mid-order: the retried create writes the order once, with every line', async () => {
    const externalId = `box-${uniqueCode()}`;
    await t.control.setFaults({ sessionLossMidOrder: 1 });
    const o = await run('createSalesOrder', order(externalId), `flow:${externalId}`);
    expect((await t.control.state()).faults.sessionLossMidOrder).toBe(0);
    expect(o.lines).toHaveLength(2);
    expect((await byRef(externalId)).map((r) => r.salesOrderNo)).toEqual([o.salesOrderNo]);
  });

  it('hands a session that keeps dropping to the engine as retryable, with nothing written; the engine’s retry then creates once', async () => {
    const externalId = `box-${uniqueCode()}`;
    await t.control.setFaults({ sessionLossMidOrder: 10 });
    const err = await fail('createSalesOrder', order(externalId), `flow:${externalId}`);
    expect(err).toMatchObject({ type: 'RetryableError', reason: 'server', subject: { type: 'customer', key: customerKey } });
    expect(err.message).toMatch(`Sage 100: sales order for customer ${customerKey} fails:`);
    expect(await byRef(externalId)).toEqual([]);
    await t.control.clearFaults();
    const o = await run('createSalesOrder', order(externalId), `flow:${externalId}`);
    expect((await byRef(externalId)).map((r) => r.salesOrderNo)).toEqual([o.salesOrderNo]);
  });

  it('returns the first order when the response was lost after Sage committed it — no duplicate', async () => {
    const externalId = `box-${uniqueCode()}`;
    await t.control.setFaults({ timeoutAfterCommit: 1 });
    const o = await run('createSalesOrder', order(externalId), `flow:${externalId}`);
    // The first attempt committed and timed out; the resend with the same key was answered from Sage.
    expect(o).toMatchObject({ replayed: true, udf: { EXT_REF: externalId } });
    expect(o.lines).toHaveLength(2);
    // A later engine retry of the same step (e.g. after a worker crash) gets the same order again.
    expect(await run('createSalesOrder', order(externalId), `flow:${externalId}`)).toMatchObject({ salesOrderNo: o.salesOrderNo, replayed: true });
    expect((await byRef(externalId)).map((r) => r.salesOrderNo)).toEqual([o.salesOrderNo]);
  });

  it('keeps working against a slow Sage server', async () => {
    await t.control.setFaults({ latencyMs: 300 });
    const [c, credit] = await Promise.all([run('getCustomer', { customerKey }), run('getCustomerCredit', { customerKey })]);
    expect(c.customerKey).toBe(customerKey);
    expect(credit.customerKey).toBe(customerKey);
    const o = await run('createSalesOrder', order(`box-${uniqueCode()}`), `k-${uniqueCode()}`);
    expect(o.lines).toHaveLength(2);
  });
});
