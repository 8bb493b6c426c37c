import { describe, expect, it } from 'vitest';
import { PermanentError } from '@conduit/connector-kit';
import { FieldSet, valuesMatch } from './fields';
import { toTask } from './records';

const fields = new FieldSet({ type: 'pipeline', key: 'p1', name: 'Sales' }, [
  { key: '1001', name: 'Deal value', type: 'TEXT_INPUT' },
  { key: '1002', name: 'Source', type: 'DROPDOWN', dropdownSettings: { items: [{ key: '9001', name: 'Inbound' }, { key: '9002', name: 'Referral' }] } },
  { key: '1003', name: 'Labels', type: 'TAG', tagSettings: { tags: [{ key: '9003', tag: 'VIP' }, { key: '9004', tag: 'Late payer' }] } },
  { key: '1004', name: 'Close', type: 'DATE' },
  { key: '1005', name: 'Won', type: 'CHECKBOX' },
  { key: '1006', name: 'Score', type: 'FORMULA' },
  { key: '1007', name: 'Owner', type: 'PERSON' },
  { key: '1008', name: 'Dup', type: 'TEXT_INPUT' },
  { key: '1009', name: 'dup', type: 'TEXT_INPUT' },
]);

describe('FieldSet', () => {
  it('encodes labels to option keys, dates to epoch ms and string booleans, and passes undocumented types through', () => {
    expect(fields.encodeAll({ source: 'referral', Labels: 'VIP', Close: '2026-02-01', Won: 'true', 'Deal value': 42, Owner: 'u1' })).toEqual({
      '1002': '9002', '1003': ['9003'], '1004': Date.UTC(2026, 1, 1), '1005': true, '1001': 42, '1007': 'u1',
    });
    expect(fields.encode('Close', null)).toEqual({ key: '1004', value: null });
    expect(() => fields.encodeAll({ Source: 'Inbound', '1002': '9001' })).toThrow(/"Source" \(1002\) is given twice \(as "1002" and "Source"\)/);
  });

  it('names the pipeline and field in every refusal', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['Nope', 'x', /pipeline "Sales" \(p1\) has no field "Nope"; its fields are "Deal value" \(1001\)/],
      ['Dup', 'x', /several fields named "Dup"; use the field key \(1008, 1009\)/],
      ['Score', 1, /"Score" \(1006\) is a formula and cannot be written/],
      ['Labels', ['VIP', 'Gold'], /"Labels" \(1003\) has no option "Gold"; options are "VIP" \(9003\), "Late payer" \(9004\)/],
      ['Close', 'soon', /"Close" \(1004\) is DATE: expected a date/],
      ['Won', 1, /"Won" \(1005\) is CHECKBOX: expected true or false, got 1/],
      ['Deal value', ['a'], /"Deal value" \(1001\) is TEXT_INPUT: expected text or a number/],
    ];
    for (const [ref, value, message] of cases) {
      const err = (() => {
        try {
          fields.encode(ref, value as never);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(PermanentError);
      expect((err as PermanentError).message).toMatch(message);
      expect((err as PermanentError).subject).toMatchObject({ type: 'pipeline', key: 'p1', name: 'Sales' });
    }
  });

  it('shows option labels for option keys, leaving other values as they are', () => {
    expect(fields.labels({ '1002': '9002', '1003': ['9004', '9999'], '1004': 5, '1001': 'x' })).toEqual({ '1002': 'Referral', '1003': ['Late payer', '9999'], '1004': 5, '1001': 'x' });
  });

  it('matches tag sets by inclusion and scalars by string value', () => {
    expect(valuesMatch(['9003', '9004'], ['9004'])).toBe(true);
    expect(valuesMatch(['9003'], ['9004'])).toBe(false);
    expect(valuesMatch(42, '42')).toBe(true);
    expect(valuesMatch(undefined, 'x')).toBe(false);
  });
});

describe('toTask', () => {
  it('reads assignees from either wire name', () => {
    const base = { key: 't', boxKey: 'b', text: 'x' };
    expect(toTask({ ...base, assignedTo: [{ email: 'a@x.com', userKey: 'u' }] }).assignees).toEqual([{ email: 'a@x.com', userKey: 'u', displayName: null }]);
    expect(toTask({ ...base, assignedTo: [], assignedToSharingEntries: [{ email: 'b@x.com', fullName: 'B' }] }).assignees).toEqual([{ email: 'b@x.com', userKey: null, displayName: 'B' }]);
    expect(toTask({ ...base, dueDate: -1 }).dueDate).toBeNull();
  });
});
