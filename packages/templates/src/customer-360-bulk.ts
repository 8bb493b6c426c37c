// Customer 360, first-time bulk sync: every active Sage 100 customer → a Streak organization, started by
// hand. The run page shows the for-each's progress (done/total, rate, ETA); Streak's rate limit is met by
// the connection's request rate (10/s) and 429 answers wait for Retry-After instead of failing the run.
import { sageToStreakNodes } from './customer-360-settings';
import type { FlowTemplate } from './template';

const body = sageToStreakNodes('steps.each.item', { x: 300, y: 280 });

export const customer360BulkSync: FlowTemplate = {
  key: 'customer-360-bulk-sync',
  name: 'Customer 360: first-time bulk sync (Sage → Streak)',
  description: 'Run once by hand: creates or updates a Streak organization for every active Sage 100 customer (fields Sage owns), pacing itself to Streak’s rate limit, with a progress bar on the run page.',
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: 'trigger', kind: 'trigger', label: 'Start bulk sync', position: { x: 0, y: 0 }, config: { type: 'manual' } },
      { id: 'customers', kind: 'lookup', label: 'Read active Sage customers', position: { x: 0, y: 140 }, config: { connector: 'sage100@1', action: 'findCustomers', inputs: { fields: [{ target: 'status', expression: '"A"' }, { target: 'limit', expression: '1000' }] } } },
      { id: 'each', kind: 'forEach', label: 'Each customer', position: { x: 0, y: 280 }, config: { items: 'steps.customers.items', maxItems: 10_000 } },
      ...body.nodes,
      { id: 'summary', kind: 'map', label: 'Summary', position: { x: 0, y: 700 }, config: { mapping: { fields: [{ target: 'customers', source: 'steps.each.count' }, { target: 'nextAfter', source: 'steps.customers.nextAfter' }] } } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'customers', targetPort: 'in' },
      { id: 'e2', source: 'customers', sourcePort: 'out', target: 'each', targetPort: 'in' },
      { id: 'e3', source: 'each', sourcePort: 'each', target: body.first, targetPort: 'in' },
      ...body.edges,
      { id: 'e4', source: 'each', sourcePort: 'done', target: 'summary', targetPort: 'in' },
    ],
  },
};
