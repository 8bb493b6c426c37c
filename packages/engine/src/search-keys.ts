// Keys people search runs by (box keys, order and customer numbers), picked from payloads and outputs.
const KEY_FIELDS = ['boxKey', 'key', 'name', 'salesOrderNo', 'SalesOrderNo', 'customerNo', 'CustomerNo', 'invoiceNo', 'InvoiceNo'];

export function searchKeysOf(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const v = value as Record<string, unknown>;
  return KEY_FIELDS.map((k) => v[k]).filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200);
}
