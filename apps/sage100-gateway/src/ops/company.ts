// Companies served and their code lists, for pickers in the designer (divisions, warehouses, terms …).
import { z } from 'zod';
import { route } from '../http/route';
import { companyParams, readRows } from './common';

const LOOKUPS = {
  divisions: { table: 'AR_Division', code: 'ARDivisionNo', description: 'DivisionDesc' },
  warehouses: { table: 'IM_Warehouse', code: 'WarehouseCode', description: 'WarehouseDesc' },
  termsCodes: { table: 'AR_TermsCode', code: 'TermsCode', description: 'TermsCodeDesc' },
  taxSchedules: { table: 'SY_SalesTaxSchedule', code: 'TaxSchedule', description: 'TaxScheduleDesc' },
  productLines: { table: 'IM_ProductLine', code: 'ProductLine', description: 'ProductLineDesc' },
  countries: { table: 'SY_Country', code: 'CountryCode', description: 'CountryName' },
} as const;

const entry = z.object({ code: z.string(), description: z.string() });

export const companyRoutes = [
  route({
    method: 'GET',
    path: '/v1/companies',
    summary: 'Companies this gateway serves',
    tag: 'company',
    response: z.object({ items: z.array(z.object({ code: z.string() })) }),
    handler: async (_input, ctx) => ({ data: { items: ctx.config.companies.map((code) => ({ code })) } }),
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/lookups',
    summary: 'Code lists for pickers: divisions, warehouses, terms, tax schedules, product lines, countries, salespersons',
    tag: 'company',
    params: companyParams,
    response: z.object({ ...Object.fromEntries(Object.keys(LOOKUPS).map((k) => [k, z.array(entry)])), salespersons: z.array(entry.extend({ division: z.string() })) }),
    handler: async ({ params }, ctx) => {
      const co = ctx.company(params.company);
      const data: Record<string, unknown> = {};
      for (const [name, l] of Object.entries(LOOKUPS)) data[name] = (await readRows(ctx, co, l.table, {})).map((r) => ({ code: String(r[l.code]), description: String(r[l.description]) }));
      data.salespersons = (await readRows(ctx, co, 'AR_Salesperson', {})).map((r) => ({ division: String(r.SalespersonDivisionNo), code: String(r.SalespersonNo), description: String(r.SalespersonName) }));
      return { data };
    },
  }),
];
