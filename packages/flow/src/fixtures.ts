// Test fixtures: a small connector catalog shaped like the Streak and Sage 100 connectors, and a
// lead-to-cash flow that uses every node kind. Used by this package's tests only.
import { type Catalog, type ActionInfo, type TriggerInfo } from './catalog';
import { type FlowGraph } from './schema';

const str = { type: 'string' };
const num = { type: 'number' };

const ACTIONS: Record<string, ActionInfo> = {
  'sage100@1/getCustomer': {
    kind: 'read',
    inputSchema: { type: 'object', additionalProperties: false, required: ['ARDivisionNo', 'CustomerNo'], properties: { ARDivisionNo: str, CustomerNo: str } },
    outputSchema: { type: 'object', required: ['found'], additionalProperties: false, properties: { found: { type: 'boolean' }, customer: { anyOf: [{ type: 'object', properties: { CustomerNo: str, CreditHold: str } }, { type: 'null' }] } } },
    requiredInputs: ['ARDivisionNo', 'CustomerNo'],
  },
  'sage100@1/createCustomer': {
    kind: 'write',
    inputSchema: { type: 'object', additionalProperties: false, properties: { ARDivisionNo: str, CustomerNo: str, CustomerName: str, AddressLine1: str, State: str, ZipCode: str, CreditLimit: num } },
    outputSchema: { type: 'object', additionalProperties: false, required: ['CustomerNo'], properties: { CustomerNo: str } },
    requiredInputs: ['ARDivisionNo', 'CustomerNo', 'CustomerName'],
  },
  'sage100@1/createSalesOrder': {
    kind: 'write',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { ARDivisionNo: str, CustomerNo: str, OrderDate: str, CustomerPONo: str, Lines: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { ItemCode: str, QuantityOrdered: num, UnitPrice: num } } } },
    },
    outputSchema: { type: 'object', additionalProperties: false, required: ['SalesOrderNo'], properties: { SalesOrderNo: str } },
    requiredInputs: ['ARDivisionNo', 'CustomerNo', 'Lines'],
  },
  'streak@1/updateBox': {
    kind: 'write',
    inputSchema: { type: 'object', additionalProperties: false, properties: { boxKey: str, stageKey: str, notes: str } },
    outputSchema: { type: 'object', properties: { key: str } },
    requiredInputs: ['boxKey'],
  },
};

const BOX_EVENT = {
  type: 'object',
  required: ['box'],
  additionalProperties: false,
  properties: {
    event: str,
    box: {
      type: 'object',
      required: ['boxKey', 'name', 'stageKey', 'fields'],
      additionalProperties: false,
      properties: { boxKey: str, name: str, stageKey: str, lastStageChangeTimestamp: num, fields: { type: 'object', additionalProperties: { type: 'string' } } },
    },
  },
};

const TRIGGERS: Record<string, TriggerInfo> = {
  'streak@1/box.stageChanged': { kind: 'webhook', outputSchema: BOX_EVENT },
  'sage100@1/salesOrders': { kind: 'changeFeed', outputSchema: { type: 'object', properties: { SalesOrderNo: str, OrderStatus: str } } },
};

export const catalog: Catalog = {
  getAction: (connector, version, key) => ACTIONS[`${connector}@${version}/${key}`],
  getTrigger: (connector, version, key) => TRIGGERS[`${connector}@${version}/${key}`],
};

const at = (x: number, y: number) => ({ x, y });

/** Streak box moves to Won → find or create the Sage customer → approve big orders → create the order → update Streak. */
export function leadToCash(): FlowGraph {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'won', kind: 'trigger', label: 'Deal won', position: at(0, 0), config: { type: 'webhook', connector: 'streak@1', event: 'box.stageChanged', filter: 'trigger.box.stageKey == "5003"' } },
      {
        id: 'keys',
        kind: 'map',
        label: 'Customer key',
        position: at(0, 100),
        config: { mapping: { fields: [{ target: 'ARDivisionNo', default: '01' }, { target: 'CustomerNo', source: 'trigger.box.name', transforms: [{ fn: 'sageCustomerNo' }] }, { target: 'Lines[]', source: 'trigger.box.fields.1005', transforms: [{ fn: 'parseLineItems' }] }] } },
      },
      {
        id: 'find',
        kind: 'lookup',
        label: 'Find customer',
        position: at(0, 200),
        config: { connector: 'sage100@1', action: 'getCustomer', inputs: { fields: [{ target: 'ARDivisionNo', source: 'steps.keys.ARDivisionNo' }, { target: 'CustomerNo', source: 'steps.keys.CustomerNo' }] } },
      },
      { id: 'exists', kind: 'condition', label: 'Customer exists?', position: at(0, 300), config: { expression: 'steps.find.found' } },
      {
        id: 'create',
        kind: 'write',
        label: 'Create customer',
        position: at(200, 400),
        config: {
          connector: 'sage100@1',
          action: 'createCustomer',
          retry: { maxAttempts: 5, initialIntervalMs: 1000 },
          inputs: {
            fields: [
              { target: 'ARDivisionNo', source: 'steps.keys.ARDivisionNo' },
              { target: 'CustomerNo', source: 'steps.keys.CustomerNo' },
              { target: 'CustomerName', source: 'trigger.box.name', transforms: [{ fn: 'left', args: [30] }] },
              { target: 'State', source: 'trigger.box.fields.1003', transforms: [{ fn: 'stateCode' }] },
            ],
          },
        },
      },
      { id: 'size', kind: 'switch', label: 'Order size', position: at(0, 500), config: { cases: [{ port: 'big', when: 'sum(steps.keys.Lines[].amount) > 10000' }] } },
      { id: 'approve', kind: 'approval', label: 'Approve big order', position: at(200, 600), config: { message: 'concat("Approve order for ", trigger.box.name)', approvers: ['finance'], timeoutMs: 86_400_000, onTimeout: 'reject' } },
      {
        id: 'order',
        kind: 'write',
        label: 'Create sales order',
        position: at(0, 700),
        config: {
          connector: 'sage100@1',
          action: 'createSalesOrder',
          timeoutMs: 30_000,
          inputs: {
            fields: [
              { target: 'ARDivisionNo', source: 'steps.keys.ARDivisionNo' },
              { target: 'CustomerNo', source: 'steps.keys.CustomerNo' },
              { target: 'OrderDate', source: 'trigger.box.lastStageChangeTimestamp', transforms: [{ fn: 'toSageDate' }] },
              { target: 'CustomerPONo', source: 'trigger.box.boxKey', transforms: [{ fn: 'right', args: [15] }] },
              { target: 'Lines[].ItemCode', source: 'steps.keys.Lines[].itemCode' },
              { target: 'Lines[].QuantityOrdered', source: 'steps.keys.Lines[].quantity' },
              { target: 'Lines[].UnitPrice', source: 'steps.keys.Lines[].unitPrice' },
            ],
          },
        },
      },
      { id: 'each', kind: 'forEach', label: 'Each line', position: at(0, 800), config: { items: 'steps.keys.Lines' } },
      { id: 'pause', kind: 'delay', label: 'Throttle', position: at(200, 900), config: { durationMs: 1000 } },
      {
        id: 'stage',
        kind: 'write',
        label: 'Move box to Ordered',
        position: at(0, 1000),
        config: { connector: 'streak@1', action: 'updateBox', inputs: { fields: [{ target: 'boxKey', source: 'trigger.box.boxKey' }, { target: 'stageKey', default: '5004' }, { target: 'notes', expression: 'concat("Sage order ", steps.order.SalesOrderNo)' }] } },
      },
      { id: 'tell', kind: 'notify', label: 'Tell sales', position: at(200, 1000), config: { channel: 'email', to: ['sales@example.com'], subject: '"Order rejected"', message: 'concat(trigger.box.name, " was not approved")' } },
    ],
    edges: [
      { id: 'e1', source: 'won', sourcePort: 'out', target: 'keys', targetPort: 'in' },
      { id: 'e2', source: 'keys', sourcePort: 'out', target: 'find', targetPort: 'in' },
      { id: 'e3', source: 'find', sourcePort: 'out', target: 'exists', targetPort: 'in' },
      { id: 'e4', source: 'exists', sourcePort: 'false', target: 'create', targetPort: 'in' },
      { id: 'e5', source: 'exists', sourcePort: 'true', target: 'size', targetPort: 'in' },
      { id: 'e6', source: 'create', sourcePort: 'out', target: 'size', targetPort: 'in' },
      { id: 'e7', source: 'size', sourcePort: 'big', target: 'approve', targetPort: 'in' },
      { id: 'e8', source: 'size', sourcePort: 'default', target: 'order', targetPort: 'in' },
      { id: 'e9', source: 'approve', sourcePort: 'approved', target: 'order', targetPort: 'in' },
      { id: 'e10', source: 'approve', sourcePort: 'rejected', target: 'tell', targetPort: 'in' },
      { id: 'e11', source: 'order', sourcePort: 'out', target: 'each', targetPort: 'in' },
      { id: 'e12', source: 'each', sourcePort: 'each', target: 'pause', targetPort: 'in' },
      { id: 'e13', source: 'pause', sourcePort: 'out', target: 'each', targetPort: 'loop' },
      { id: 'e14', source: 'each', sourcePort: 'done', target: 'stage', targetPort: 'in' },
    ],
  };
}
