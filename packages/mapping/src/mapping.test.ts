import { describe, expect, it } from 'vitest';
import { checkMapping, compileMapping, evaluate, MappingCompileError, type MappingSpec } from './index';

const box = {
  key: 'agxzfm1haWxmb29nYWVyLQsSDE9yZ2FuaXphdGlvbiIKc3RyZWFrLmNvbQwLEgRDYXNlGICAgICAgIAKDA',
  name: 'Acme Corp.',
  stageKey: '5003',
  fields: { '1001': '250.00', '1002': '1234 North Industrial Parkway Suite 500 Building C', '1003': 'california', '1004': '021341234' },
  created: Date.UTC(2025, 2, 7, 3),
};
const scope = {
  trigger: { box, lines: [{ sku: 'w-1', qty: '2', price: 3.5 }, { sku: 'w-2', qty: 1, price: 10 }, { sku: null, qty: 5, price: 1 }] },
  steps: { lookup: { found: true, customer: { CustomerNo: '0000042' } } },
};

function run(spec: MappingSpec, data: unknown = scope) {
  return evaluate(compileMapping(spec), data, { timeZone: 'America/Los_Angeles' });
}

describe('declarative mappings', () => {
  it('maps a Streak box to a Sage 100 customer', () => {
    const r = run({
      fields: [
        { target: 'ARDivisionNo', default: '01' },
        { target: 'CustomerNo', source: 'trigger.box.name', transforms: [{ fn: 'sageCustomerNo' }] },
        { target: 'CustomerName', source: 'trigger.box.name', transforms: [{ fn: 'left', args: [30] }] },
        { target: 'AddressLine1', source: 'trigger.box.fields.1002', transforms: [{ fn: 'addressLine', args: [1] }] },
        { target: 'AddressLine2', source: 'trigger.box.fields.1002', transforms: [{ fn: 'addressLine', args: [2] }] },
        { target: 'AddressLine3', source: 'trigger.box.fields.1002', transforms: [{ fn: 'addressLine', args: [3] }] },
        { target: 'State', source: 'trigger.box.fields.1003', transforms: [{ fn: 'stateCode' }] },
        { target: 'ZipCode', source: 'trigger.box.fields.1004', transforms: [{ fn: 'zip' }] },
        { target: 'CreditLimit', source: 'trigger.box.fields.1001', transforms: [{ fn: 'number' }], expression: '$value * 100' },
        { target: 'DateEstablished', source: 'trigger.box.created', transforms: [{ fn: 'toSageDate' }] },
        { target: 'Meta.StreakKey', source: 'trigger.box.key' },
      ],
    });
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual({
      ARDivisionNo: '01',
      CustomerNo: 'ACMECORP',
      CustomerName: 'Acme Corp.',
      AddressLine1: '1234 North Industrial Parkway',
      AddressLine2: 'Suite 500 Building C',
      State: 'CA',
      ZipCode: '02134-1234',
      CreditLimit: 25000,
      DateEstablished: '20250306',
      Meta: { StreakKey: box.key },
    });
  });

  it('maps list elements with [] in source and target, with $item and $index', () => {
    const r = run({
      fields: [
        { target: 'Lines[].ItemCode', source: 'trigger.lines[].sku', transforms: [{ fn: 'upper' }] },
        { target: 'Lines[].QuantityOrdered', source: 'trigger.lines[].qty', transforms: [{ fn: 'number' }] },
        { target: 'Lines[].Extension', source: 'trigger.lines[].price', expression: 'round($value * number($item.qty), 2)' },
        { target: 'Lines[].LineNo', source: 'trigger.lines[].sku', expression: '$index + 1' },
      ],
    });
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual({
      Lines: [
        { ItemCode: 'W-1', QuantityOrdered: 2, Extension: 7, LineNo: 1 },
        { ItemCode: 'W-2', QuantityOrdered: 1, Extension: 10, LineNo: 2 },
        { QuantityOrdered: 5, Extension: 5, LineNo: 3 },
      ],
    });
  });

  it('writes a whole computed list into a [] target', () => {
    const r = run({ fields: [{ target: 'Lines[]', expression: 'parseLineItems("A x 1 @ 2\\nB x 2")' }, { target: 'Skus', source: 'trigger.lines[].sku' }] });
    expect(r.value).toEqual({ Lines: [{ itemCode: 'A', quantity: 1, unitPrice: 2, amount: 2 }, { itemCode: 'B', quantity: 2, unitPrice: null, amount: null }], Skus: ['w-1', 'w-2', null] });
  });

  it('skips a field whose when is false, or whose value is null without a default', () => {
    const r = run({
      fields: [
        { target: 'Won', default: 'yes', when: 'trigger.box.stageKey == "5003"' },
        { target: 'Lost', default: 'yes', when: 'trigger.box.stageKey == "5004"' },
        { target: 'Missing', source: 'trigger.box.fields.9999', transforms: [{ fn: 'upper' }] },
        { target: 'Defaulted', source: 'trigger.box.fields.9999', default: 'n/a' },
        { target: 'Lines[].Big', source: 'trigger.lines[].qty', when: 'number($item.qty) > 1', expression: 'true' },
      ],
    });
    expect(r).toEqual({ value: { Won: 'yes', Defaulted: 'n/a', Lines: [{ Big: true }, {}, { Big: true }] }, errors: [] });
  });

  it('returns errors as values naming the target field (and element), and keeps the other fields', () => {
    const r = run({
      fields: [
        { target: 'State', source: 'trigger.box.name', transforms: [{ fn: 'stateCode' }] },
        { target: 'Terms', source: 'trigger.box.fields.9999', required: true },
        { target: 'Lines[].Qty', source: 'trigger.lines[].sku', transforms: [{ fn: 'number' }] },
        { target: 'Ok', default: 1 },
        { target: 'NotAList[]', source: 'trigger.box.name' },
      ],
    });
    // Every source line keeps its output line, so later fields and the connector see the same indexes.
    expect(r.value).toEqual({ Ok: 1, Lines: [{}, {}, {}] });
    expect(r.errors).toEqual([
      { field: 'State', message: 'stateCode: "Acme Corp." is not a US state or territory' },
      { field: 'Terms', message: 'a value is required but the mapping produced none' },
      { field: 'Lines[0].Qty', message: 'number: "w-1" is not a number' },
      { field: 'Lines[1].Qty', message: 'number: "w-2" is not a number' },
      { field: 'NotAList[]', message: 'NotAList[] needs a list, got text "Acme Corp."' },
    ]);
  });

  it('reads upstream step outputs', () => {
    expect(run({ fields: [{ target: 'CustomerNo', source: 'steps.lookup.customer.CustomerNo' }] }).value).toEqual({ CustomerNo: '0000042' });
  });

  it('reports every spec problem with its field and part, and refuses to compile', () => {
    const spec = {
      fields: [
        { target: 'A', source: 'trigger.x +' },
        { target: 'B', source: 'upper(trigger.x)' },
        { target: 'C', source: 'trigger.x', transforms: [{ fn: 'nosuch' }, { fn: 'left' }] },
        { target: 'D', expression: 'ok(' },
        { target: 'E', default: 1, when: 'nosuch()' },
        { target: 'F' },
        { target: 'A', default: 1 },
        { target: 'G.H', default: 1 },
        { target: 'G', default: 1 },
        { target: 'I[].J[].K', default: 1 },
        { target: 'bad name', default: 1 },
        { target: 'L', expression: '1', transforms: [{ fn: 'upper' }] },
      ],
    };
    const problems = checkMapping(spec);
    expect(problems).toEqual([
      { field: 'A', part: 'source', message: 'the expression ended too early', offset: 11 },
      { field: 'B', part: 'source', message: 'must be a path like trigger.box.name; use an expression for calculations' },
      { field: 'C', part: 'transforms', message: "transform 1: unknown function 'nosuch'" },
      { field: 'C', part: 'transforms', message: 'transform 2: left takes 2 arguments including the value, got 1' },
      { field: 'D', part: 'expression', message: "unknown function 'ok'", offset: 0 },
      { field: 'E', part: 'when', message: "unknown function 'nosuch'", offset: 0 },
      { field: 'F', part: 'source', message: 'needs a source, an expression or a default' },
      { field: 'A', part: 'target', message: 'is mapped twice' },
      { field: 'G', part: 'target', message: 'conflicts with "G.H"' },
      { field: 'I[].J[].K', part: 'target', message: 'a target path may contain only one []' },
      { field: 'bad name', part: 'target', message: '"bad name" is not a valid name in a target path (letters, digits, _ $ -)' },
      { field: 'L', part: 'transforms', message: 'transforms apply to a source; without one use an expression' },
    ]);
    expect(() => compileMapping(spec)).toThrow(MappingCompileError);
    expect(checkMapping({ fields: [{ source: 'x' }] })).toEqual([{ field: '', part: 'spec', message: expect.stringContaining('fields.0.target') }]);
    expect(checkMapping(null)[0]?.part).toBe('spec');
  });

  it('gives the same result for the same input every time (no hidden state)', () => {
    const m = compileMapping({ fields: [{ target: 'D', source: 'trigger.box.created', transforms: [{ fn: 'toSageDate' }] }, { target: 'L[].x', source: 'trigger.lines[].sku' }] });
    const a = JSON.stringify(evaluate(m, scope, { timeZone: 'Asia/Kolkata' }));
    for (let i = 0; i < 5; i++) expect(JSON.stringify(evaluate(m, scope, { timeZone: 'Asia/Kolkata' }))).toBe(a);
  });
});
