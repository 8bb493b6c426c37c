// Flow fixtures shared by engine tests and the end-to-end benchmark (exported as @conduit/engine/test-flows).
// The minimal Closed-Won → Sales Order (webhook → map → create order → write back),
// mapped from the box's real custom fields, optionally with extra pure map steps to measure per-node
// orchestration overhead.
import type { FlowGraph } from '@conduit/flow';

const at = { x: 0, y: 0 };

export interface ClosedWonOptions {
  pipelineKey: string;
  customerKey: string;
  /** Field keys of the demo pipeline. */
  fields: { po: string; products: string; orderNo: string };
  extraMaps: number;
}

export function closedWonGraph(o: ClosedWonOptions): FlowGraph {
  const extra = Array.from({ length: o.extraMaps }, (_, i) => ({
    id: `extra${i}`,
    kind: 'map' as const,
    label: `Extra map ${i}`,
    position: at,
    config: { mapping: { fields: [{ target: 'po', source: `trigger.fields.${o.fields.po}` }, { target: 'n', expression: `${i} + 1` }] } },
  }));
  const chain = ['order', ...extra.map((e) => e.id), 'create'];
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'won', kind: 'trigger', label: 'Box moved to Closed-Won', position: at, config: { type: 'webhook', connector: 'streak@1', event: 'boxEvent', params: { event: 'BOX_CHANGE_STAGE', pipelineKey: o.pipelineKey } } },
      {
        id: 'order',
        kind: 'map',
        label: 'Map deal to order',
        position: at,
        config: {
          mapping: {
            fields: [
              { target: 'customerKey', expression: `"${o.customerKey}"` },
              { target: 'customerPONo', source: `trigger.fields.${o.fields.po}`, required: true },
              { target: 'externalId', source: 'trigger.key', required: true },
              { target: 'items', expression: `parseLineItems(string(trigger.fields.${o.fields.products}))`, required: true },
            ],
          },
        },
      },
      ...extra,
      {
        id: 'create',
        kind: 'write',
        label: 'Create sales order',
        position: at,
        config: {
          connector: 'sage100@1',
          action: 'createSalesOrder',
          inputs: {
            fields: [
              { target: 'customerKey', source: 'steps.order.customerKey' },
              { target: 'customerPONo', source: 'steps.order.customerPONo' },
              { target: 'externalId', source: 'steps.order.externalId' },
              { target: 'lines[].itemCode', source: 'steps.order.items[].itemCode' },
              { target: 'lines[].quantityOrdered', source: 'steps.order.items[].quantity' },
            ],
          },
        },
      },
      {
        id: 'writeBack',
        kind: 'write',
        label: 'Write order no to the box',
        position: at,
        config: { connector: 'streak@1', action: 'setFieldValue', inputs: { fields: [{ target: 'boxKey', source: 'trigger.key' }, { target: 'field', expression: `"${o.fields.orderNo}"` }, { target: 'value', source: 'steps.create.salesOrderNo' }] } },
      },
    ],
    edges: [
      { id: 'e0', source: 'won', sourcePort: 'out', target: 'order', targetPort: 'in' },
      ...chain.slice(1).map((id, i) => ({ id: `c${i}`, source: chain[i]!, sourcePort: 'out', target: id, targetPort: 'in' })),
      { id: 'e9', source: 'create', sourcePort: 'out', target: 'writeBack', targetPort: 'in' },
    ],
  };
}
