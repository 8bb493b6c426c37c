// Customers: get, search, create (key normalisation, next number, idempotent by external id), update, credit.
import { formatCustomerKey, normalizeCustomerNo, normalizeDivision, TABLES, round, type BoiObject, type BoiRef, type Row } from '@conduit/sage100-boi';
import { z } from 'zod';
import type { GatewayContext } from '../context';
import { route } from '../http/route';
import { check, withObject, type Warning } from '../sage/boi';
import { columnsSchema, toApi, udfSchema } from '../sage/records';
import { companyParams, customerOf, customerParams, customerRecord, idempotencyHeader, idempotentCreate, page, pageQuery, readRows } from './common';
import { createRecord, updateRecord } from './maintain';
import { creditOut, customerList, customerOut } from '../http/schemas';

const columns = TABLES.get('AR_Customer')?.columns ?? [];
const WRITABLE = `CustomerName AddressLine1 AddressLine2 AddressLine3 City State ZipCode CountryCode TelephoneNo TelephoneExt FaxNo
  EmailAddress URLAddress ShipMethod TaxSchedule TaxExemptNo TermsCode SalespersonDivisionNo SalespersonNo Comment SortField
  CustomerStatus CustomerType PriceLevel CreditHold CreditLimit PrimaryShipToCode ContactCode DefaultPaymentType EmailStatements
  ResidentialAddress OpenItemCustomer`.split(/\s+/);
const fields = columnsSchema(columns, WRITABLE);
const createBody = z.strictObject({ arDivisionNo: z.string(), customerNo: z.string().optional().describe('Omit to take the next customer number'), externalId: z.string().min(1).optional(), udf: udfSchema, ...fields });
const updateBody = z.strictObject({ udf: udfSchema, ...fields });
const BUS = { module: 'A/R', task: 'AR_Customer_ui', object: 'AR_Customer_bus' };

const hasExtRef = (ctx: GatewayContext, co: string, table: string) => ctx.table(co, table).columns.some((c) => c.name === 'UDF_EXT_REF');

function takeNextNumber(obj: BoiObject): string {
  const ref: BoiRef<string> = { value: '' };
  check(obj, obj.nGetNextCustomerNo(ref), { warnings: [], what: 'next customer number' });
  return ref.value;
}

function nextCustomerNo(ctx: GatewayContext, co: string): Promise<string> {
  return ctx.pool(co).use((session, setProgram) => withObject(session, setProgram, { ...BUS, date: ctx.today() }, takeNextNumber));
}

export const customerRoutes = [
  route({
    method: 'GET',
    path: '/v1/companies/:company/customers/:customerKey',
    summary: 'Get a customer (AR_Customer) by DD-CUSTNO',
    response: customerOut,
    tag: 'customers',
    params: customerParams,
    handler: async ({ params }, ctx) => ({ data: await customerRecord(ctx, ctx.company(params.company), customerOf(params.customerKey)) }),
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/customers',
    summary: 'Search customers by name, number, city, e-mail or phone',
    response: customerList,
    tag: 'customers',
    params: companyParams,
    query: z.strictObject({ q: z.string().optional(), status: z.enum(['A', 'I', 'T']).optional(), ...pageQuery }),
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      const q = query.q?.toLowerCase();
      const hit = (r: Row) =>
        (!query.status || r.CustomerStatus === query.status) &&
        (!q || [r.CustomerName, r.CustomerNo, r.City, r.EmailAddress, r.TelephoneNo].some((v) => String(v).toLowerCase().includes(q)));
      const { rows, nextAfter } = await page(ctx, co, 'AR_Customer', { limit: query.limit, after: query.after, filter: hit });
      const cols = ctx.table(co, 'AR_Customer').columns;
      return { data: { items: rows.map((r) => ({ ...toApi(r, cols), customerKey: `${r.ARDivisionNo}-${r.CustomerNo}` })), nextAfter } };
    },
  }),
  route({
    method: 'POST',
    path: '/v1/companies/:company/customers/next-number',
    summary: 'Reserve the next customer number (the counter advances; gaps are normal)',
    response: z.object({ customerNo: z.string() }),
    tag: 'customers',
    params: companyParams,
    handler: async ({ params }, ctx) => ({ data: { customerNo: await nextCustomerNo(ctx, ctx.company(params.company)) } }),
  }),
  route({
    method: 'POST',
    path: '/v1/companies/:company/customers',
    summary: 'Create a customer; keys are normalised as Sage does (1 → 01, 123 → 0000123, uppercase)',
    response: customerOut,
    tag: 'customers',
    status: 201,
    params: companyParams,
    body: createBody,
    handler: async (input, ctx) => {
      const co = ctx.company(input.params.company);
      const { arDivisionNo, customerNo, externalId, ...rest } = input.body;
      const key = idempotencyHeader(input) ?? externalId;
      const extRef = externalId ?? key;
      const withRef = hasExtRef(ctx, co, 'AR_Customer');
      return idempotentCreate(ctx, {
        company: co,
        operation: 'customer.create',
        key,
        body: input.body,
        findExisting: async () => {
          if (!withRef || !extRef) return null;
          const [row] = await readRows(ctx, co, 'AR_Customer', { UDF_EXT_REF: extRef }, 1);
          return row ? `${row.ARDivisionNo}-${row.CustomerNo}` : null;
        },
        create: async () => {
          const warnings: Warning[] = [];
          const table = ctx.table(co, 'AR_Customer');
          const udf = withRef && extRef ? { ...rest.udf, EXT_REF: extRef } : rest.udf;
          const resultKey = await ctx.pool(co).use((session, setProgram) =>
            withObject(session, setProgram, { ...BUS, date: ctx.today() }, (obj) => {
              const no = customerNo ?? takeNextNumber(obj);
              const keys = [{ column: 'ARDivisionNo', value: arDivisionNo, field: 'arDivisionNo' }, { column: 'CustomerNo', value: no, field: 'customerNo' }];
              const what = `customer ${formatCustomerKey({ arDivisionNo: normalizeDivision(arDivisionNo), customerNo: normalizeCustomerNo(no) })}`;
              const [savedDivision, savedNo] = createRecord(obj, { table, keys, fields: { ...rest, udf }, what, warnings });
              return `${savedDivision}-${savedNo}`;
            }),
          );
          return { resultKey, warnings };
        },
        load: (k) => customerRecord(ctx, co, customerOf(k)),
      });
    },
  }),
  route({
    method: 'PATCH',
    path: '/v1/companies/:company/customers/:customerKey',
    summary: 'Update a customer (locks the record while writing; RECORD_LOCKED if another user has it)',
    response: customerOut,
    tag: 'customers',
    params: customerParams,
    body: updateBody,
    handler: async ({ params, body }, ctx) => {
      const co = ctx.company(params.company);
      const key = customerOf(params.customerKey);
      const warnings: Warning[] = [];
      await ctx.pool(co).use((session, setProgram) =>
        withObject(session, setProgram, { ...BUS, date: ctx.today() }, (obj) =>
          updateRecord(obj, { table: ctx.table(co, 'AR_Customer'), keys: [{ column: 'ARDivisionNo', value: key.ARDivisionNo, field: 'customerKey' }, { column: 'CustomerNo', value: key.CustomerNo, field: 'customerKey' }], fields: body, what: `customer ${key.ARDivisionNo}-${key.CustomerNo}`, warnings }),
        ),
      );
      return { data: await customerRecord(ctx, co, key), warnings };
    },
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/customers/:customerKey/credit',
    summary: 'Balance and credit status: limit, balance, open orders, available credit, hold, open invoices',
    response: creditOut,
    tag: 'customers',
    params: customerParams,
    handler: async ({ params }, ctx) => {
      const co = ctx.company(params.company);
      const key = customerOf(params.customerKey);
      const c = await customerRecord(ctx, co, key);
      const openCols = ctx.table(co, 'AR_OpenInvoice').columns;
      const open = (await readRows(ctx, co, 'AR_OpenInvoice', key)).filter((i) => Number(i.Balance) !== 0).map((i) => toApi(i, openCols));
      const limit = Number(c.creditLimit);
      const exposure = round(Number(c.currentBalance) + Number(c.openOrderAmt), 2);
      return {
        data: {
          customerKey: c.customerKey,
          customerStatus: c.customerStatus,
          creditHold: c.creditHold,
          creditLimit: limit,
          currentBalance: c.currentBalance,
          openOrderAmt: c.openOrderAmt,
          availableCredit: limit > 0 ? round(limit - exposure, 2) : null,
          overLimit: limit > 0 && exposure > limit,
          aging: { current: c.agingCategory1, days30: c.agingCategory2, days60: c.agingCategory3, days90: c.agingCategory4 },
          openInvoices: open.map((i) => ({ invoiceNo: i.invoiceNo, invoiceType: i.invoiceType, balance: i.balance, invoiceDate: i.invoiceDate, invoiceDueDate: i.invoiceDueDate })),
        },
      };
    },
  }),
];
