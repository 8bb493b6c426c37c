// The templates of flows 2, 4 and 5 as the designer sees them: they compile against the real connector
// catalog (actions exist with the right kind, required inputs mapped, expressions parse and type-check).
import { catalogFromDescriptions, createFlowVersion } from '@conduit/flow';
import { createConnectorRegistry } from '@conduit/engine';
import { describe, expect, it } from 'vitest';
import { creditStockDaily, creditStockOnProposal } from './credit-stock';
import { invoicedToStreak, orderStatusToStreak } from './order-status';
import { paymentsToStreak } from './payments';
import { TEMPLATES } from './index';

const catalog = catalogFromDescriptions(createConnectorRegistry().describe());
const mine = [orderStatusToStreak, invoicedToStreak, paymentsToStreak, creditStockOnProposal, creditStockDaily];

describe('order status, payments and credit/stock templates', () => {
  it.each(mine.map((t) => [t.key, t] as const))('%s compiles against the connector catalog without warnings', (_key, template) => {
    const result = createFlowVersion(template.graph, catalog);
    expect(result.ok ? result.warnings : result.problems).toEqual([]);
  });

  it('are offered by "New flow → from template" under unique keys', () => {
    expect(mine.every((t) => TEMPLATES.includes(t))).toBe(true);
    expect(new Set(TEMPLATES.map((t) => t.key)).size).toBe(TEMPLATES.length);
  });
});
