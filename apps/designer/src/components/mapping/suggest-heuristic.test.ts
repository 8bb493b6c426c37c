import { describe, expect, it } from 'vitest';
import { suggestMappings, words } from './suggest-heuristic';

const targets = [
  { path: 'ARDivisionNo', label: 'AR division', type: 'string', required: true },
  { path: 'CustomerNo', label: 'Customer number', type: 'string', required: true },
  { path: 'CustomerPONo', label: 'Customer PO', type: 'string', required: false },
  { path: 'Lines', label: 'Lines', type: 'list', required: true },
  { path: 'Lines[].ItemCode', label: 'Item code', type: 'string', required: true },
  { path: 'Lines[].QuantityOrdered', label: 'Quantity ordered', type: 'number', required: true },
];
const sources = [
  { path: 'trigger.name', label: 'Name', type: 'string', sample: 'Maverick Papers – Q1 restock' },
  { path: 'trigger.fields.1005', label: 'Sage customer no', type: 'string', sample: '01-MAVRK' },
  { path: 'trigger.fields.1004', label: 'PO reference', type: 'string', sample: 'PO-040037' },
  { path: 'steps.lines.lines[].itemCode', label: 'itemCode', type: 'string', sample: '6655' },
  { path: 'steps.lines.lines[].quantity', label: 'quantity', type: 'number', sample: 3 },
];

describe('the built-in mapping suggester', () => {
  it('splits names into canonical words', () => {
    expect(words('CustomerPONo')).toEqual(['customer', 'po', 'no']);
    expect(words('Qty ordered')).toEqual(['quantity', 'ordered']);
  });

  it('proposes the lead-to-cash mappings with a reason and a transform from the sample', () => {
    const byTarget = Object.fromEntries(suggestMappings({ sources, targets, mapped: [] }).map((s) => [s.target, s]));
    expect(byTarget.CustomerNo).toMatchObject({ source: 'trigger.fields.1005', expression: 'sageCustomerKey($value).CustomerNo' });
    expect(byTarget.CustomerNo!.reason).toContain('01-MAVRK');
    expect(byTarget.ARDivisionNo).toMatchObject({ source: 'trigger.fields.1005', expression: 'sageCustomerKey($value).ARDivisionNo' });
    expect(byTarget.CustomerPONo).toMatchObject({ source: 'trigger.fields.1004' });
    expect(byTarget['Lines[].ItemCode']).toMatchObject({ source: 'steps.lines.lines[].itemCode' });
    expect(byTarget['Lines[].QuantityOrdered']).toMatchObject({ source: 'steps.lines.lines[].quantity' });
    for (const s of Object.values(byTarget)) expect(s.confidence).toBeGreaterThan(0.4);
  });

  it('maps a Sage customer key target straight from a division-customer sample', () => {
    const [s] = suggestMappings({ sources, targets: [{ path: 'customerKey', label: 'Customer', type: 'string', required: true }], mapped: [] });
    expect(s).toMatchObject({ target: 'customerKey', source: 'trigger.fields.1005' });
    expect(s!.expression).toBeUndefined();
    expect(s!.reason).toContain('division-customer key');
  });

  it('writes a result back instead of copying a field onto itself', () => {
    const s = suggestMappings({
      sources: [{ path: 'trigger.fields.1006', label: 'Sage sales order no', type: 'string', sample: '' }, { path: 'steps.order.salesOrderNo', label: 'salesOrderNo', type: 'string' }],
      targets: [{ path: 'fields.1006', label: 'Sage sales order no', type: 'string', required: false }],
      mapped: [],
    });
    expect(s.map((x) => x.source)).toEqual(['steps.order.salesOrderNo']);
  });

  it('never proposes mapped targets, whole lists, or per-element sources for whole targets', () => {
    const s = suggestMappings({ sources, targets, mapped: ['CustomerNo'] });
    expect(s.map((x) => x.target)).not.toContain('CustomerNo');
    expect(s.map((x) => x.target)).not.toContain('Lines');
    expect(s.every((x) => x.source.includes('[]') === x.target.includes('[]'))).toBe(true);
  });

  it('proposes nothing when no names match', () => {
    expect(suggestMappings({ sources: [{ path: 'trigger.x', label: 'Colour', type: 'string' }], targets, mapped: [] })).toEqual([]);
  });
});
