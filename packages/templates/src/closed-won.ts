// Closed-Won → Sales Order: when a deal reaches Closed-Won in Streak, create the Sage 100 sales order and
// write its number back to the box.
import type { FlowTemplate } from './template';

export const closedWonSalesOrder: FlowTemplate = {
  key: 'closed-won-sales-order',
  name: 'Closed-Won → Sales Order',
  description: 'When a deal reaches Closed-Won in Streak, create the Sage 100 sales order and write its number back to the box.',
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: 'trigger', kind: 'trigger', label: 'Deal moved to a stage', position: { x: 0, y: 0 }, config: { type: 'webhook', connector: 'streak@1', event: 'boxEvent', connectionRef: 'Streak sandbox', params: { event: 'BOX_CHANGE_STAGE' } } },
      { id: 'lines', kind: 'map', label: 'Read order lines', position: { x: 0, y: 140 }, config: { mapping: { fields: [] } } },
      { id: 'order', kind: 'write', label: 'Create Sage sales order', position: { x: 0, y: 280 }, config: { connector: 'sage100@1', action: 'createSalesOrder', connectionRef: 'Sage 100 (emulator)', inputs: { fields: [] } } },
      { id: 'writeback', kind: 'write', label: 'Write order number to Streak', position: { x: 0, y: 420 }, config: { connector: 'streak@1', action: 'updateBox', connectionRef: 'Streak sandbox', inputs: { fields: [{ target: 'boxKey', source: 'trigger.key' }] } } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'lines', targetPort: 'in' },
      { id: 'e2', source: 'lines', sourcePort: 'out', target: 'order', targetPort: 'in' },
      { id: 'e3', source: 'order', sourcePort: 'out', target: 'writeback', targetPort: 'in' },
    ],
  },
};
