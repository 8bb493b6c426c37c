import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.gw.close());

type Order = { salesOrderNo: string; udf: Record<string, string> };
const body = (externalId?: string) => ({ arDivisionNo: '01', customerNo: 'CASCADE', ...(externalId ? { externalId } : {}), lines: [{ itemCode: 'SAFE-1002', quantityOrdered: 2 }] });
const withRef = async (ref: string) => (await t.emulator.rows('SO_SalesOrderHeader', { UDF_EXT_REF: ref })).items.length;

describe('idempotent creates', () => {
  it('returns the first result for a repeated key, stored in UDF_EXT_REF and the ledger', async () => {
    const first = await t.api<Order>('POST', '/sales-orders', body('streak-box-1'));
    expect(first.status).toBe(201);
    expect(first.body.data.udf.EXT_REF).toBe('streak-box-1');
    const again = await t.api<Order>('POST', '/sales-orders', body('streak-box-1'));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body.data.salesOrderNo).toBe(first.body.data.salesOrderNo);
    const viaHeader = await t.api<Order>('POST', '/sales-orders', body(), { 'idempotency-key': 'hdr-1' });
    const viaHeaderAgain = await t.api<Order>('POST', '/sales-orders', body(), { 'idempotency-key': 'hdr-1' });
    expect(viaHeaderAgain.body.data.salesOrderNo).toBe(viaHeader.body.data.salesOrderNo);
    const conflict = await t.api('POST', '/sales-orders', { ...body(), lines: [{ itemCode: 'SAFE-1002', quantityOrdered: 9 }] }, { 'idempotency-key': 'hdr-1' });
    expect(conflict.body.error.code).toBe('DUPLICATE');
    const found = await t.api<{ items: Order[] }>('GET', '/sales-orders?externalId=streak-box-1');
    expect(found.body.data.items.map((o) => o.salesOrderNo)).toEqual([first.body.data.salesOrderNo]);
  });

  it('after a timeout that followed a successful commit, the retry returns the committed order (no second order)', async () => {
    await t.emulator.setFaults({ timeoutAfterCommit: 1 });
    const lost = await t.api('POST', '/sales-orders', body('streak-box-lost'));
    expect(lost.status).toBe(504);
    expect(lost.body.error).toMatchObject({ code: 'SESSION_LOST', retryable: true });
    expect(await withRef('streak-box-lost')).toBe(1);
    const retry = await t.api<Order>('POST', '/sales-orders', body('streak-box-lost'));
    expect(retry.status).toBe(200);
    expect(retry.body.data.udf.EXT_REF).toBe('streak-box-lost');
    expect(await withRef('streak-box-lost')).toBe(1);
  });

  it('a refused create frees the key so a corrected request can use it', async () => {
    const bad = await t.api('POST', '/sales-orders', { ...body('streak-box-fix'), lines: [{ itemCode: 'NOPE', quantityOrdered: 1 }] });
    expect(bad.status).toBe(422);
    const good = await t.api('POST', '/sales-orders', body('streak-box-fix'));
    expect(good.status).toBe(201);
  });

  it('makes customer creates idempotent too', async () => {
    const a = await t.api<{ customerKey: string }>('POST', '/customers', { arDivisionNo: '01', customerName: 'Idempotent Co', externalId: 'org-77' });
    const b = await t.api<{ customerKey: string }>('POST', '/customers', { arDivisionNo: '01', customerName: 'Idempotent Co', externalId: 'org-77' });
    expect(b.body.data.customerKey).toBe(a.body.data.customerKey);
  });
});

describe('faults', () => {
  it('session loss mid-order: retryable SESSION_LOST, nothing written, the next call works', async () => {
    const before = (await t.emulator.rows('SO_SalesOrderHeader')).total;
    await t.emulator.setFaults({ sessionLossMidOrder: 1 });
    const r = await t.api('POST', '/sales-orders', { ...body(), lines: [{ itemCode: 'SAFE-1002', quantityOrdered: 1 }, { itemCode: 'SAFE-1003', quantityOrdered: 1 }] });
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ code: 'SESSION_LOST', retryable: true });
    expect((await t.emulator.rows('SO_SalesOrderHeader')).total).toBe(before);
    expect((await t.api('POST', '/sales-orders', body())).status).toBe(201);
  });

  it('lock contention: RECORD_LOCKED (retryable) with Sage\'s in-use message until the other user lets go', async () => {
    await t.emulator.holdLock({ table: 'AR_Customer', key: ['01', 'REDWOOD'], seconds: 60 });
    const r = await t.api('PATCH', '/customers/01-REDWOOD', { comment: 'blocked' });
    expect(r.status).toBe(423);
    expect(r.body.error).toMatchObject({ code: 'RECORD_LOCKED', retryable: true, sageMessage: 'The record is in use by JSMITH. Try again later.' });
    expect((await t.api('GET', '/customers/01-REDWOOD')).status).toBe(200);
    await t.emulator.clearFaults();
    expect((await t.api('PATCH', '/customers/01-REDWOOD', { comment: 'free' })).status).toBe(200);
  });

  it('licence exhaustion: a new Sage session cannot log on (503, retryable); pooled sessions keep working', async () => {
    const fresh = await startTestGateway();
    await fresh.emulator.setFaults({ licencesAvailable: 0 });
    const r = await fresh.api('POST', '/sales-orders', body());
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ code: 'COMPANY_UNAVAILABLE', retryable: true, sageMessage: 'No user licenses are available. Try again later.' });
    await fresh.emulator.setFaults({ licencesAvailable: 1 });
    expect((await fresh.api('POST', '/sales-orders', body())).status).toBe(201);
    await fresh.emulator.setFaults({ licencesAvailable: 0 });
    expect((await fresh.api('POST', '/sales-orders', body())).status).toBe(201);
    await fresh.gw.close();
  });

  it('latency slows calls down without failing them', async () => {
    await t.emulator.setFaults({ latencyMs: 30 });
    expect((await t.api('GET', '/customers/01-REDWOOD')).status).toBe(200);
    expect((await t.api('POST', '/sales-orders', body())).status).toBe(201);
    await t.emulator.clearFaults();
  });
});
