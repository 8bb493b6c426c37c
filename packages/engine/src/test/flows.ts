// Flow fixtures shared by engine tests and the end-to-end benchmark.
import type { FlowGraph } from '@conduit/flow';

const at = { x: 0, y: 0 };

/**
 * The minimal Closed-Won → Sales Order flow: webhook → map → create the order in Sage 100 (idempotent)
 * → write the order number back to the box. The payload carries the lines as [{ itemCode, qty }].
 */
export function closedWonToSalesOrder(options: { customerKey: string; orderNoField: string }): FlowGraph {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'won', kind: 'trigger', label: 'Box moved to Closed-Won', position: at, config: { type: 'webhook', connector: 'streak@1', event: 'boxEvent', params: { event: 'BOX_CHANGE_STAGE' } } },
      {
        id: 'order',
        kind: 'map',
        label: 'Map deal to order',
        position: at,
        config: {
          mapping: {
            fields: [
              { target: 'customerKey', expression: `"${options.customerKey}"` },
              { target: 'customerPONo', source: 'trigger.po', required: true },
              { target: 'externalId', source: 'trigger.boxKey', required: true },
              { target: 'lines', source: 'trigger.lines', required: true },
            ],
          },
        },
      },
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
              { target: 'lines', expression: 'steps.order.lines' },
            ],
          },
        },
      },
      {
        id: 'writeBack',
        kind: 'write',
        label: 'Write order no to the box',
        position: at,
        config: {
          connector: 'streak@1',
          action: 'setFieldValue',
          inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'field', expression: `"${options.orderNoField}"` }, { target: 'value', source: 'steps.create.salesOrderNo' }] },
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'won', sourcePort: 'out', target: 'order', targetPort: 'in' },
      { id: 'e2', source: 'order', sourcePort: 'out', target: 'create', targetPort: 'in' },
      { id: 'e3', source: 'create', sourcePort: 'out', target: 'writeBack', targetPort: 'in' },
    ],
  };
}
