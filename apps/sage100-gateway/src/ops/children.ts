// Records that hang off a customer by a code: contacts (AR_CustomerContact) and ship-to addresses (SO_ShipToAddress).
import { TABLES } from '@conduit/sage100-boi';
import { z } from 'zod';
import { route, type RouteDef } from '../http/route';
import { recordSchema } from '../http/schemas';
import { withObject, type Warning } from '../sage/boi';
import { apiName, columnsSchema, toApi, udfSchema } from '../sage/records';
import { customerOf, customerParams, mustRead, readRows } from './common';
import { createRecord, updateRecord } from './maintain';

interface ChildSpec {
  table: string;
  segment: string;
  codeColumn: string;
  noun: string;
  bus: { module: string; task: string; object: string };
  writable: string;
}

function childRoutes(spec: ChildSpec): RouteDef[] {
  const columns = TABLES.get(spec.table)?.columns ?? [];
  const fields = columnsSchema(columns, spec.writable.split(/\s+/));
  const codeField = apiName(spec.codeColumn);
  const out = recordSchema(spec.table);
  const base = `/v1/companies/:company/customers/:customerKey/${spec.segment}`;
  const itemParams = customerParams.extend({ code: z.string().min(1) });
  const save = (mode: 'create' | 'update') =>
    async ({ params, body }: { params: { company: string; customerKey: string; code?: string }; body: Record<string, unknown> }, ctx: Parameters<RouteDef['handler']>[1]) => {
      const co = ctx.company(params.company);
      const key = customerOf(params.customerKey);
      const { [codeField]: bodyCode, ...rest } = body;
      const code = String(params.code ?? bodyCode);
      const warnings: Warning[] = [];
      const table = ctx.table(co, spec.table);
      const keys = [
        { column: 'ARDivisionNo', value: key.ARDivisionNo, field: 'customerKey' },
        { column: 'CustomerNo', value: key.CustomerNo, field: 'customerKey' },
        { column: spec.codeColumn, value: code, field: codeField },
      ];
      const what = `${spec.noun} ${code} of customer ${key.ARDivisionNo}-${key.CustomerNo}`;
      const normalised = await ctx.pool(co).use((session, setProgram) =>
        withObject(session, setProgram, { ...spec.bus, date: ctx.today() }, (obj) => {
          if (mode === 'create') return createRecord(obj, { table, keys, fields: rest, what, warnings })[2] ?? code;
          updateRecord(obj, { table, keys, fields: rest, what, warnings });
          return code.toUpperCase();
        }),
      );
      const data = await mustRead(ctx, co, spec.table, { ...key, [spec.codeColumn]: normalised }, what);
      return { data, warnings, status: mode === 'create' ? 201 : 200 };
    };
  return [
    route({
      method: 'GET',
      path: base,
      summary: `List a customer's ${spec.noun}s`,
      response: z.object({ items: z.array(out) }),
      tag: 'customers',
      params: customerParams,
      handler: async ({ params }, ctx) => {
        const co = ctx.company(params.company);
        const rows = await readRows(ctx, co, spec.table, customerOf(params.customerKey));
        return { data: { items: rows.map((r) => toApi(r, ctx.table(co, spec.table).columns)) } };
      },
    }),
    route({ method: 'POST', path: base, summary: `Create a ${spec.noun}`, tag: 'customers', status: 201, params: customerParams, body: z.strictObject({ [codeField]: z.string().min(1), udf: udfSchema, ...fields }), response: out, handler: save('create') }),
    route({ method: 'PATCH', path: `${base}/:code`, summary: `Update a ${spec.noun}`, tag: 'customers', params: itemParams, body: z.strictObject({ udf: udfSchema, ...fields }), response: out, handler: save('update') }),
  ];
}

export const contactRoutes = childRoutes({
  table: 'AR_CustomerContact',
  segment: 'contacts',
  codeColumn: 'ContactCode',
  noun: 'contact',
  bus: { module: 'A/R', task: 'AR_CustomerContact_ui', object: 'AR_CustomerContact_bus' },
  writable: 'ContactName AddressLine1 AddressLine2 AddressLine3 City State ZipCode CountryCode Salutation ContactTitle TelephoneNo1 TelephoneExt1 TelephoneNo2 TelephoneExt2 FaxNo EmailAddress ContactNotes',
});

export const shipToRoutes = childRoutes({
  table: 'SO_ShipToAddress',
  segment: 'ship-to',
  codeColumn: 'ShipToCode',
  noun: 'ship-to address',
  bus: { module: 'S/O', task: 'SO_ShipToAddress_ui', object: 'SO_ShipToAddress_bus' },
  writable: 'ShipToName ShipToAddress1 ShipToAddress2 ShipToAddress3 ShipToCity ShipToState ShipToZipCode ShipToCountryCode TelephoneNo TelephoneExt EmailAddress ContactCode SalespersonDivisionNo SalespersonNo WarehouseCode TaxSchedule ShipVia ResidentialAddress',
});
