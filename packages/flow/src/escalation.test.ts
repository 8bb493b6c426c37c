// Approval escalation and e-mail notify configs: each mistake is reported on the node and field to fix.
import { describe, expect, it } from 'vitest';
import { catalog, leadToCash } from './fixtures';
import { compileFlow, type FlowGraph, validateFlow } from './index';

function withConfig(id: string, patch: Record<string, unknown>): FlowGraph {
  const g = leadToCash();
  const n = g.nodes.find((x) => x.id === id)!;
  (n as { config: Record<string, unknown> }).config = { ...n.config, ...patch };
  return g;
}
const problems = (id: string, patch: Record<string, unknown>) => validateFlow(withConfig(id, patch), catalog).map(({ nodeId, field, message }) => ({ nodeId, field, message }));

describe('approval escalation', () => {
  it('compiles escalation into the plan step', () => {
    const compiled = compileFlow(withConfig('approve', { escalateAfterMs: 3_600_000, escalateTo: ['cfo@example.com', 'admin'] }), catalog);
    expect(compiled.ok).toBe(true);
    const step = compiled.ok ? compiled.plan.steps.find((s) => s.id === 'approve') : undefined;
    expect(step).toMatchObject({ kind: 'approval', escalateAfterMs: 3_600_000, escalateTo: ['cfo@example.com', 'admin'], timeoutMs: 86_400_000 });
  });

  it('names the field for each mistake', () => {
    expect(problems('approve', { escalateAfterMs: 86_400_000, escalateTo: ['cfo@example.com'] })).toEqual([{ nodeId: 'approve', field: 'config.escalateAfterMs', message: 'escalate before the approval times out' }]);
    expect(problems('approve', { escalateAfterMs: 3_600_000 })).toEqual([{ nodeId: 'approve', field: 'config.escalateTo', message: 'name who the approval escalates to' }]);
    expect(problems('approve', { escalateTo: ['admin'] })).toEqual([{ nodeId: 'approve', field: 'config.escalateAfterMs', message: 'set when the approval escalates' }]);
    expect(problems('approve', { escalateAfterMs: 1000, escalateTo: ['admin'] })).toEqual([{ nodeId: 'approve', field: 'config.escalateAfterMs', message: 'escalate after at least one minute' }]);
    expect(problems('approve', { escalateAfterMs: 3_600_000, escalateTo: ['the boss'] })).toEqual([
      { nodeId: 'approve', field: 'config.escalateTo.0', message: 'enter an e-mail address or a role (owner, admin, builder, approver, viewer)' },
    ]);
    expect(problems('approve', { escalateAfterMs: 3_600_000, escalateTo: [] })).toEqual([{ nodeId: 'approve', field: 'config.escalateTo', message: 'name who the approval escalates to' }]);
  });
});

describe('notify by e-mail', () => {
  it('needs recipients that are e-mail addresses or roles', () => {
    expect(problems('tell', { to: [] })).toEqual([{ nodeId: 'tell', field: 'config.to', message: 'add at least one recipient for the e-mail' }]);
    expect(problems('tell', { to: ['sales@example.com', 'sales team'] })).toEqual([{ nodeId: 'tell', field: 'config.to.1', message: "'sales team' is not an e-mail address or a role" }]);
    expect(problems('tell', { to: ['approver'] })).toEqual([]);
    expect(problems('tell', { channel: 'designer', to: ['sales team'] })).toEqual([]);
    expect(problems('tell', { channel: 'sms' })[0]).toMatchObject({ nodeId: 'tell', field: 'config.channel', message: "choose the channel: 'email' or 'designer'" });
  });
});
