// Schema discovery for the mapping editor: every table the gateway reads, with its columns as this
// company has them (lengths of its Sage version, its UDF_* columns) and which ones the actions can write.
import type { BaseContext, DiscoveredEntity, DiscoveredField, DiscoveredFieldType, DiscoveredSchema } from '@conduit/connector-kit';
import type { Sage100Auth } from './auth';
import { type TableLayout, apiPath, tableLayouts } from './api/tables';
import { contactFields, customerFields, orderHeaderFields, shipToFields } from './model/fields';

const TYPE: Record<TableLayout['columns'][number]['type'], DiscoveredFieldType> = { S: 'string', N: 'number', D: 'date', Y: 'boolean' };

/** Tables the actions write, the entity kind they go by, and the input fields that reach them. */
const WRITABLE: Record<string, { kind: string; fields: string[] }> = {
  AR_Customer: { kind: 'customer', fields: ['arDivisionNo', 'customerNo', ...Object.keys(customerFields)] },
  AR_CustomerContact: { kind: 'contact', fields: ['contactCode', ...Object.keys(contactFields)] },
  SO_ShipToAddress: { kind: 'shipTo', fields: ['shipToCode', ...Object.keys(shipToFields)] },
  SO_SalesOrderHeader: { kind: 'salesOrder', fields: ['arDivisionNo', 'customerNo', 'orderType', ...Object.keys(orderHeaderFields)] },
};
const KIND: Record<string, string> = { CI_Item: 'item', IM_ItemWarehouse: 'availability', SO_SalesOrderDetail: 'salesOrderLine', AR_InvoiceHistoryHeader: 'invoice', AR_CashReceiptsHistory: 'cashReceipt' };

function field(table: TableLayout, c: TableLayout['columns'][number], writable: Set<string> | undefined): DiscoveredField {
  const path = apiPath(c.name);
  const isUdf = c.name.startsWith('UDF_');
  const remoteType = c.type === 'N' ? `N ${c.length}.${c.scale}` : c.type === 'S' ? `S ${c.length}` : c.type;
  const canWrite = writable !== undefined && (isUdf || writable.has(path));
  return {
    key: c.name,
    label: isUdf ? `${c.name.slice(4).replaceAll('_', ' ')} (UDF)` : c.name.replace(/([a-z0-9])([A-Z])/g, '$1 $2'),
    type: TYPE[c.type],
    path,
    remoteType,
    ...(canWrite ? {} : { readOnly: true }),
    ...(table.key.includes(c.name) ? { required: true } : {}),
  };
}

function entity(table: TableLayout): DiscoveredEntity {
  const w = WRITABLE[table.name];
  const writable = w ? new Set(w.fields) : undefined;
  return {
    key: `table:${table.name}`,
    title: table.name,
    kind: w?.kind ?? KIND[table.name] ?? table.name,
    operations: w ? ['read', 'write'] : ['read'],
    fields: table.columns.map((c) => field(table, c, writable)),
  };
}

/** `params.table` limits discovery to one table. */
export async function discoverSage100(ctx: BaseContext<Sage100Auth> & { params: Record<string, unknown> }): Promise<DiscoveredSchema> {
  const tables = await tableLayouts(ctx);
  const only = typeof ctx.params.table === 'string' ? ctx.params.table : undefined;
  return { entities: tables.filter((t) => !only || t.name === only).map(entity) };
}
