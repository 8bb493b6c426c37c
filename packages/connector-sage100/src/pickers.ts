// Dynamic pickers, loaded server-side with the stored connection: stamped tables (for the change feed) and warehouses.
import type { PickerLoader } from '@conduit/connector-kit';
import type { Sage100Auth } from './auth';
import { callGateway } from './api/gateway';
import { tableLayouts } from './api/tables';

export const sage100Pickers: Record<string, PickerLoader<Sage100Auth>> = {
  tables: async (ctx) => (await tableLayouts(ctx)).filter((t) => t.stamped).map((t) => ({ value: t.name, label: t.name, group: t.name.split('_')[0] })),
  warehouses: async (ctx) => {
    const { data } = await callGateway<{ items: { warehouseCode: string; warehouseDesc?: string }[] }>(ctx, { path: 'tables/IM_Warehouse/rows', query: { limit: 1000 }, subject: { type: 'table', key: 'IM_Warehouse' }, what: 'warehouse list' });
    return data.items.map((w) => ({ value: w.warehouseCode, label: w.warehouseDesc ? `${w.warehouseCode} — ${w.warehouseDesc}` : w.warehouseCode }));
  },
};
