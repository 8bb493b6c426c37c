// Throughput of realistic 30-field Streak box → Sage 100 mappings, in one process:
//  - "sales order": 25 header fields + 5 per-line fields evaluated for each of 1-5 order lines (~40 field evaluations);
//  - "customer": 30 header fields (the 25 above and 5 more), one evaluation each.
// Run: pnpm exec tsx packages/mapping/bench/mapping.ts   (prints records/s)
import { loadavg, cpus } from 'node:os';
import { type CompiledMapping, compileMapping, evaluate, seededRandom, type MappingSpec } from '../src/index';

const salesOrder: MappingSpec = {
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
const customer: MappingSpec = {
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
const records = Array.from({ length: 2000 }, (_, i) => ({
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
const ctx = { timeZone: 'America/Chicago', rates: { base: 'USD', rates: { EUR: 0.92 } }, tables: { terms: { '30': '03', '60': '06' }, status: { '5003': 'O' } } };

// Wall-clock rate, and the rate per CPU-second of this process: on a shared machine the wall clock
// also counts time the OS gave to other processes.
function measure(mapping: CompiledMapping, ms: number): { wall: number; cpu: number } {
  let n = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < records.length; i++) evaluate(mapping, records[i], ctx);
    n += records.length;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall: (n / (now - start)) * 1000, cpu: (n / (cpu.user + cpu.system)) * 1e6 };
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const summary = (xs: number[]) => `${fmt(Math.max(...xs))} best, ${fmt(median(xs))} median`;

console.log(`machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}; 2,000 varied records`);
for (const [name, spec] of [['sales order (30 fields, 5 of them per order line)', salesOrder], ['customer (30 header fields)', customer]] as const) {
  const compiled = compileMapping(spec);
  const errors = records.flatMap((rec) => evaluate(compiled, rec, ctx).errors);
  if (errors.length) throw new Error(`benchmark mapping has errors: ${JSON.stringify(errors.slice(0, 3))}`);
  measure(compiled, 500); // warm-up: let V8 optimise the closures
  // Many short runs, reported as best and median: on a shared machine the best run is the one least disturbed.
  const runs = Array.from({ length: 8 }, () => measure(compiled, 600));
  console.log(`${name}: records/s ${summary(runs.map((x) => x.wall))} (wall clock); per CPU-second ${summary(runs.map((x) => x.cpu))}`);
}
