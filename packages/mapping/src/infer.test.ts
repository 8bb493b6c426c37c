import { describe, expect, it } from 'vitest';
import { fromJsonSchema, inferMappingOutput, inferType, T, typecheckMapping, typeToString, compat } from './index';

const scope = fromJsonSchema({
  type: 'object',
  required: ['trigger'],
  additionalProperties: false,
  properties: {
    trigger: {
      type: 'object',
      required: ['box', 'lines'],
      additionalProperties: false,
      properties: {
        box: { type: 'object', required: ['name', 'amount'], properties: { name: { type: 'string' }, amount: { type: 'number' }, notes: { type: ['string', 'null'] }, fields: { type: 'object', additionalProperties: { type: 'string' } } } },
        lines: { type: 'array', items: { type: 'object', required: ['sku', 'qty'], additionalProperties: false, properties: { sku: { type: 'string' }, qty: { type: 'integer' } } } },
        status: { enum: ['open', 'won'] },
      },
    },
  },
});
const typeOf = (src: string) => typeToString(inferType(src, scope).type);
const warningsOf = (src: string) => inferType(src, scope).warnings.map((w) => w.message);

describe('type inference', () => {
  it('follows paths through the source schema', () => {
    expect(typeOf('trigger.box.name')).toBe('string');
    expect(typeOf('trigger.box.notes')).toBe('string | null');
    expect(typeOf('trigger.box.fields.1001')).toBe('any');
    expect(typeOf('trigger.lines[].qty')).toBe('number[]');
    expect(typeOf('trigger.lines[0]')).toBe('{ sku: string; qty: number } | null');
    expect(typeOf('trigger.status')).toBe('string | null');
  });

  it('types operators, functions and literals', () => {
    expect(typeOf('trigger.box.amount * 2')).toBe('number');
    expect(typeOf('"x" + trigger.box.amount')).toBe('string');
    expect(typeOf('trigger.box.amount > 5')).toBe('boolean');
    expect(typeOf('trigger.box.notes ?? "none"')).toBe('string');
    expect(typeOf('upper(trigger.box.notes)')).toBe('string | null');
    expect(typeOf('first(trigger.lines)')).toBe('{ sku: string; qty: number } | null');
    expect(typeOf('parseLineItems("x")[].quantity')).toBe('number[]');
    expect(typeOf('sageCustomerKey("01-A").CustomerNo')).toBe('string');
    expect(typeOf('trigger.box.amount > 1 ? "a" : 2')).toBe('string | number');
    expect(typeOf('{a: 1, b: [true]}')).toBe('{ a: number; b: boolean[] }');
    expect(typeOf('$now')).toBe('number');
    expect(inferType('$value', scope, { value: T.string }).type).toEqual(T.string);
  });

  it('warns where a value cannot fit', () => {
    expect(warningsOf('trigger.box.nmae')).toEqual([]); // box is open: unknown fields are `any`
    expect(warningsOf('trigger.nmae')).toEqual(["there is no field 'nmae' in { box: { name: string; amount: number; notes: string | null; fields: object | null; … }; lines: { sku: string; qty: number }[]; status: string | null }"]);
    expect(warningsOf('trigger.lines.sku')).toEqual(["cannot read 'sku' of a list; use [] to read it from each element"]);
    expect(warningsOf('trigger.box.name[]')).toEqual(['[] needs a list, but this is string']);
    expect(warningsOf('round(trigger.lines)')).toEqual(['round: value expects number, got { sku: string; qty: number }[]']);
    expect(warningsOf('round(trigger.box.name)')).toEqual([]); // numeric text is accepted at run time
    expect(warningsOf('trigger.lines - 1')).toEqual(['- needs numbers, got { sku: string; qty: number }[]']);
    expect(inferType('1 +', scope).error).toEqual({ message: 'the expression ended too early', offset: 3 });
  });

  it('checks a mapping against the target type', () => {
    const target = fromJsonSchema({
      type: 'object',
      additionalProperties: false,
      properties: { CustomerNo: { type: 'string' }, CreditLimit: { type: 'number' }, Lines: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { QuantityOrdered: { type: 'number' } } } }, Flag: { type: 'boolean' } },
    });
    const problems = typecheckMapping(
      {
        fields: [
          { target: 'CustomerNo', source: 'trigger.box.name', transforms: [{ fn: 'sageCustomerNo' }] },
          { target: 'CreditLimit', source: 'trigger.box.amount' },
          { target: 'Flag', source: 'trigger.lines' },
          { target: 'Lines[].QuantityOrdered', source: 'trigger.lines[].qty' },
          { target: 'Lines[].Nope', source: 'trigger.lines[].sku' },
          { target: 'Extra', default: 1 },
          { target: 'CreditLimit2', source: 'trigger.box.notes', required: true },
        ],
      },
      { scope, target },
    );
    expect(problems).toEqual([
      { field: 'Flag', part: 'target', severity: 'error', message: 'boolean expected, but the mapping gives { sku: string; qty: number }[]' },
      { field: 'Lines[].Nope', part: 'target', severity: 'warning', message: "the target has no field 'Nope'" },
      { field: 'Extra', part: 'target', severity: 'warning', message: "the target has no field 'Extra'" },
      { field: 'CreditLimit2', part: 'source', severity: 'warning', message: 'may produce no value, but the field is required' },
      { field: 'CreditLimit2', part: 'target', severity: 'warning', message: "the target has no field 'CreditLimit2'" },
    ]);
  });

  it('infers the output shape of a mapping for downstream steps', () => {
    const out = inferMappingOutput(
      { fields: [{ target: 'Customer.No', source: 'trigger.box.name' }, { target: 'Lines[].Qty', source: 'trigger.lines[].qty' }, { target: 'Skus[]', source: 'trigger.lines[].sku' }, { target: 'Total', expression: 'sum(trigger.lines[].qty)' }] },
      scope,
    );
    expect(typeToString(out)).toBe('{ Customer: { No: string }; Lines: { Qty: number }[]; Skus: string[]; Total: number }');
  });

  it('converts JSON Schema and compares types', () => {
    expect(fromJsonSchema({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toEqual(T.optional(T.string));
    expect(fromJsonSchema({ type: 'string', nullable: true })).toEqual(T.optional(T.string));
    expect(fromJsonSchema({ const: 3 })).toEqual(T.number);
    expect(fromJsonSchema(true)).toEqual(T.any);
    expect(compat(T.string, T.number)).toBe('no');
    expect(compat(T.optional(T.string), T.string)).toBe('maybe');
    expect(compat(T.array(T.number), T.array(T.any))).toBe('ok');
    expect(compat(T.number, T.union(T.string, T.number))).toBe('ok');
  });
});
