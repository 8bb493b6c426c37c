// The Customer 360 templates as the designer sees them: they compile against the real connector catalog
// (actions exist with the right kind, required inputs mapped, expressions parse and type-check).
import { catalogFromDescriptions, createFlowVersion } from '@conduit/flow';
import { createConnectorRegistry } from '@conduit/engine';
import { describe, expect, it } from 'vitest';
import { customer360BulkSync } from './customer-360-bulk';
import { customer360ContactsSageToStreak, customer360ContactsStreakToSage } from './customer-360-contacts';
import { customer360SageToStreak, customer360StreakToSage } from './customer-360';
import { TEMPLATES } from './index';

const catalog = catalogFromDescriptions(createConnectorRegistry().describe());
const mine = [customer360SageToStreak, customer360StreakToSage, customer360BulkSync, customer360ContactsStreakToSage, customer360ContactsSageToStreak];

describe('Customer 360 templates', () => {
  it.each(mine.map((t) => [t.key, t] as const))('%s compiles against the connector catalog without warnings', (_key, template) => {
    const result = createFlowVersion(template.graph, catalog);
    expect(result.ok ? result.warnings : result.problems).toEqual([]);
  });

  it('are offered by "New flow → from template"', () => {
    expect(mine.every((t) => TEMPLATES.includes(t))).toBe(true);
  });
});
