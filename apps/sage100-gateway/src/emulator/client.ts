// A typed client for /__emulator, so connector, engine and e2e tests can drive the emulated Sage 100.
import type { z } from 'zod';
import type { AdvanceStep, faultsSchema } from './controls';

export type EmulatorFaults = z.infer<typeof faultsSchema>;

export class EmulatorControlError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class EmulatorControlClient {
  constructor(
    private readonly baseUrl: string,
    private readonly company = 'ABC',
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const json = (await res.json()) as { ok: boolean; data: T; error?: { code: string; message: string } };
    if (!json.ok) throw new EmulatorControlError(json.error?.code ?? 'UNKNOWN', json.error?.message ?? `HTTP ${res.status}`);
    return json.data;
  }
  private co(path: string): string {
    return `/__emulator/companies/${this.company}${path}`;
  }

  state(): Promise<{ faults: EmulatorFaults; clock: { now: string; serverLocal: string; utcOffsetMinutes: number } }> {
    return this.call('GET', '/__emulator/state');
  }
  setFaults(faults: EmulatorFaults): Promise<EmulatorFaults> {
    return this.call('PUT', '/__emulator/faults', faults);
  }
  clearFaults(): Promise<EmulatorFaults> {
    return this.call('DELETE', '/__emulator/faults');
  }
  /** Another Sage user holds the record (key values in key order) for `seconds`. */
  holdLock(input: { table: string; key: string[]; seconds: number; user?: string }): Promise<{ locked: boolean }> {
    return this.call('POST', this.co('/locks'), input);
  }
  setClock(input: { set?: string; advanceSeconds?: number; utcOffsetMinutes?: number }): Promise<{ now: string; serverLocal: string }> {
    return this.call('POST', '/__emulator/clock', input);
  }
  advanceOrder(salesOrderNo: string, to?: AdvanceStep): Promise<{ step: AdvanceStep; invoiceNo?: string }> {
    return this.call('POST', this.co(`/orders/${salesOrderNo}/advance`), to ? { to } : {});
  }
  /** Hold box in Sales Order Entry: OrderStatus H, or released back to O/N. */
  holdOrder(salesOrderNo: string, hold: boolean): Promise<{ salesOrderNo: string; orderStatus: string }> {
    return this.call('POST', this.co(`/orders/${salesOrderNo}/hold`), { hold });
  }
  postCashReceipt(input: { customer: string; amount: number; invoiceNo?: string; checkNo?: string }): Promise<{ depositNo: string; applied: { invoiceNo: string; amount: number }[] }> {
    return this.call('POST', this.co('/cash-receipts'), input);
  }
  setStock(input: { itemCode: string; warehouseCode: string; quantityOnHand?: number; adjustBy?: number }): Promise<Record<string, unknown>> {
    return this.call('POST', this.co('/stock'), input);
  }
  /** Values change without DateUpdated/TimeUpdated moving (Visual Integrator style). */
  bulkUpdate(input: { table: string; where: Record<string, string | number>; set: Record<string, string | number> }): Promise<{ updated: number }> {
    return this.call('POST', this.co('/bulk-update'), input);
  }
  purge(input: { table: string; where: Record<string, string | number> }): Promise<{ deleted: number }> {
    return this.call('POST', this.co('/purge'), input);
  }
  setOptions(input: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.call('PATCH', this.co('/options'), input);
  }
  rows(table: string, where?: Record<string, string | number>): Promise<{ items: Record<string, unknown>[]; total: number }> {
    return this.call('GET', this.co(`/tables/${table}${where ? `?where=${encodeURIComponent(JSON.stringify(where))}` : ''}`));
  }
  reset(): Promise<{ reset: boolean }> {
    return this.call('POST', '/__emulator/reset');
  }
}
