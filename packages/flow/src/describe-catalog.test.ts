import { describe, expect, it } from 'vitest';
import { catalogFromDescriptions, type DescribedConnector, isReadAction, requiredOf, validateFlow } from './index';
import { leadToCash } from './fixtures';

const str = { type: 'string' };
const sage: DescribedConnector = {
  id: 'sage100',
  version: '1',
  actions: [
    { key: 'getCustomer', input: { type: 'object', required: ['ARDivisionNo', 'CustomerNo'], properties: { ARDivisionNo: str, CustomerNo: str } }, output: { type: 'object', properties: { found: { type: 'boolean' } } } },
    { key: 'createCustomer', input: { type: 'object', required: ['ARDivisionNo', 'CustomerNo', 'CustomerName'], properties: { ARDivisionNo: str, CustomerNo: str, CustomerName: str, State: str } }, output: { type: 'object', properties: { CustomerNo: str } } },
    { key: 'createSalesOrder', input: { type: 'object', required: ['ARDivisionNo', 'CustomerNo', 'Lines'], properties: {} }, output: { type: 'object', properties: { SalesOrderNo: str } } },
  ],
  triggers: [{ key: 'salesOrders', modes: ['poll'], output: { type: 'object' } }],
};
const streak: DescribedConnector = {
  id: 'streak',
  version: '1',
  actions: [{ key: 'updateBox', input: { type: 'object', required: ['boxKey'], properties: { boxKey: str, stageKey: str, notes: str } }, output: { type: 'object' } }],
  triggers: [{ key: 'box.stageChanged', modes: ['webhook', 'poll'], output: { type: 'object', properties: { box: { type: 'object' } } } }],
};

describe('catalogFromDescriptions', () => {
  const catalog = catalogFromDescriptions([sage, streak]);

  it('classifies actions by verb and takes required inputs from the input schema', () => {
    expect(catalog.getAction('sage100', '1', 'getCustomer')).toMatchObject({ kind: 'read', requiredInputs: ['ARDivisionNo', 'CustomerNo'] });
    expect(catalog.getAction('sage100', '1', 'createSalesOrder')).toMatchObject({ kind: 'write', requiredInputs: ['ARDivisionNo', 'CustomerNo', 'Lines'] });
    expect(catalog.getAction('sage100', '2', 'getCustomer')).toBeUndefined();
    expect(catalog.getAction('sage100', '1', 'deleteEverything')).toBeUndefined();
    expect([isReadAction('findBoxes'), isReadAction('listPipelines'), isReadAction('getter'), isReadAction('updateBox')]).toEqual([true, true, false, false]);
    expect(requiredOf({ required: ['a', 1, 'b'] as unknown as string[] })).toEqual(['a', 'b']);
    expect(requiredOf({})).toEqual([]);
  });

  it('maps trigger modes to webhook or change feed', () => {
    expect(catalog.getTrigger('streak', '1', 'box.stageChanged')?.kind).toBe('webhook');
    expect(catalog.getTrigger('sage100', '1', 'salesOrders')?.kind).toBe('changeFeed');
    expect(catalog.getTrigger('streak', '1', 'nope')).toBeUndefined();
  });

  it('validates the lead-to-cash flow', () => {
    expect(validateFlow(leadToCash(), catalog).filter((p) => p.severity === 'error')).toEqual([]);
  });
});
