// The benchmark's data, shared with the golden-result test (src/golden.test.ts): two realistic 30-field
// Streak box → Sage 100 mappings and 2,000 varied boxes.
//  - "sales order": 25 header fields + 5 per-line fields evaluated for each of 1-5 order lines (~40 field evaluations);
//  - "customer": 30 header fields (the 25 above and 5 more), one evaluation each.
import { type EvalContext, type MappingSpec, seededRandom } from '../src/index';

export const salesOrder: MappingSpec = {
  fields: [
    { target: 'ARDivisionNo', source: 'trigger.box.fields.1010', transforms: [{ fn: 'sageDivisionNo' }], default: '01' },
    { target: 'CustomerNo', source: 'trigger.box.name', transforms: [{ fn: 'sageCustomerNo' }] },
    { target: 'OrderDate', source: 'trigger.box.lastStageChangeTimestamp', transforms: [{ fn: 'toSageDate', args: ['America/Chicago'] }] },
    { target: 'ShipExpireDate', expression: 'toSageDate(addDays(trigger.box.lastStageChangeTimestamp, 14, "America/Chicago"), "America/Chicago")' },
    { target: 'CustomerPONo', source: 'trigger.box.fields.1001', transforms: [{ fn: 'trim' }, { fn: 'upper' }, { fn: 'left', args: [15] }] },
    { target: 'Comment', expression: 'concat("Streak ", trigger.box.boxKey)' },
    { target: 'ShipToName', source: 'trigger.box.name', transforms: [{ fn: 'left', args: [30] }] },
    { target: 'ShipToAddress1', source: 'trigger.box.fields.1002', transforms: [{ fn: 'addressLine', args: [1] }] },
    { target: 'ShipToAddress2', source: 'trigger.box.fields.1002', transforms: [{ fn: 'addressLine', args: [2] }] },
    { target: 'ShipToAddress3', source: 'trigger.box.fields.1002', transforms: [{ fn: 'addressLine', args: [3] }] },
    { target: 'ShipToCity', source: 'trigger.box.fields.1003', transforms: [{ fn: 'titleCase' }, { fn: 'left', args: [20] }] },
    { target: 'ShipToState', source: 'trigger.box.fields.1004', transforms: [{ fn: 'stateCode' }] },
    { target: 'ShipToZipCode', source: 'trigger.box.fields.1005', transforms: [{ fn: 'zip' }] },
    { target: 'ShipToCountryCode', source: 'trigger.box.fields.1006', transforms: [{ fn: 'countryCode' }], default: 'USA' },
    { target: 'TermsCode', source: 'trigger.box.fields.1007', transforms: [{ fn: 'lookup', args: ['terms', '00'] }] },
    { target: 'Status', expression: 'lookup(trigger.box.stageKey, "status", "N")' },
    { target: 'SalespersonNo', source: 'trigger.box.assignedTo[0]', transforms: [{ fn: 'mapValue', args: [{ 'ann@acme.com': '0001', 'bob@acme.com': '0002' }, '0000'] }] },
    { target: 'FreightAmt', source: 'trigger.box.fields.1008', transforms: [{ fn: 'number' }, { fn: 'round', args: [2] }], default: 0 },
    { target: 'TaxableAmt', expression: 'round(sum(multiply(trigger.box.lines[].qty, trigger.box.lines[].price)), 2)' },
    { target: 'DepositAmt', source: 'trigger.box.fields.1009', expression: 'convertCurrency(number($value), "EUR", "USD")' },
    { target: 'EmailAddress', source: 'trigger.box.fields.1011', transforms: [{ fn: 'trim' }, { fn: 'lower' }] },
    { target: 'Residential', source: 'trigger.box.fields.1012', transforms: [{ fn: 'yesNo' }] },
    { target: 'Priority', expression: 'trigger.box.fields.1008 != null && number(trigger.box.fields.1008) > 100 ? "H" : "N"', when: 'trigger.box.stageKey == "5003"' },
    { target: 'UDF_STREAK_KEY', source: 'trigger.box.boxKey' },
    { target: 'UDF_PIPELINE', source: 'trigger.box.pipelineKey' },
    { target: 'Lines[].ItemCode', source: 'trigger.box.lines[].sku', transforms: [{ fn: 'upper' }] },
    { target: 'Lines[].QuantityOrdered', source: 'trigger.box.lines[].qty', transforms: [{ fn: 'number' }] },
    { target: 'Lines[].UnitPrice', source: 'trigger.box.lines[].price', transforms: [{ fn: 'round', args: [4] }] },
    { target: 'Lines[].CommentText', source: 'trigger.box.lines[].note', transforms: [{ fn: 'left', args: [30] }] },
    { target: 'Lines[].WarehouseCode', source: 'trigger.box.lines[].sku', expression: 'startsWith($value, "W") ? "000" : "001"' },
  ],
};

const header = salesOrder.fields.filter((f) => !f.target.includes('[]'));
export const customer: MappingSpec = {
  fields: [
    ...header,
    { target: 'TelephoneNo', source: 'trigger.box.fields.1013', transforms: [{ fn: 'digits' }] },
    { target: 'ContactName', source: 'trigger.box.fields.1014', transforms: [{ fn: 'titleCase' }] },
    { target: 'UDF_OWNER', source: 'trigger.box.assignedTo[0]' },
    { target: 'UDF_DEAL_SIZE', source: 'trigger.box.fields.1009', transforms: [{ fn: 'number' }] },
    { target: 'ShipVia', source: 'trigger.box.fields.1015', transforms: [{ fn: 'mapValue', args: [{ ground: 'UPS GROUND', air: 'UPS 2ND DAY' }, 'UPS GROUND'] }] },
  ],
};

const r = seededRandom(42);
const STATES = ['California', 'TX', 'new york', 'Illinois', 'WA'];
export const records = Array.from({ length: 2000 }, (_, i) => ({
  trigger: {
    box: {
      boxKey: `agxzfm1haWxmb29nYWVyLQsSDE9yZ2FuaXphdGlvbiIK${i}`,
      pipelineKey: 'agxzfm1haWxmb29nYWVyKQsSDE9yZ2FuaXphdGlvbiIKc3RyZWFr',
      name: `Cust ${i} Inc.`,
      stageKey: r.pick(['5001', '5002', '5003']),
      lastStageChangeTimestamp: 1_735_700_000_000 + r.int(300) * 86_400_000,
      assignedTo: [r.pick(['ann@acme.com', 'bob@acme.com', 'eve@acme.com'])],
      fields: {
        '1001': ` po-${i} `,
        '1002': r.next() < 0.5 ? `${100 + i} Main Street` : `${i} North Industrial Parkway Suite ${r.int(900)} Building C`,
        '1003': 'san francisco',
        '1004': r.pick(STATES),
        '1005': r.next() < 0.5 ? '94105' : '941051234',
        '1006': r.pick(['United States', 'usa', 'Canada']),
        '1007': r.pick(['30', '60', '90']),
        '1008': r.next() < 0.8 ? String(r.int(50_000) / 100) : null,
        '1009': String(r.int(1000)),
        '1010': '1',
        '1011': ` Buyer${i}@Example.com `,
        '1012': r.pick(['yes', 'no', 'true']),
        '1013': `(555) ${String(100 + r.int(900))}-${String(1000 + r.int(9000))}`,
        '1014': r.pick(['jane DOE', 'John smith', "mary o'neil"]),
        '1015': r.pick(['ground', 'air', 'pickup']),
      },
      lines: Array.from({ length: 1 + r.int(5) }, (_, j) => ({ sku: `widget-${j}`, qty: String(1 + r.int(9)), price: r.int(100_000) / 100, note: 'Gift wrap this line item please, thanks' })),
    },
  },
}));
export const ctx: EvalContext = { timeZone: 'America/Chicago', rates: { base: 'USD', rates: { EUR: 0.92 } }, tables: { terms: { '30': '03', '60': '06' }, status: { '5003': 'O' } } };
