// The /__sandbox control API (not part of Streak, no auth): reset/seed, faults, delivery log.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../domain/ctx';
import { asObject, q, qInt } from '../http/input';
import { seedDemo, seedEmpty } from '../seed/demo';
import { DEMO_API_KEY } from '../seed/identity';

export function sandboxInfo(ctx: Ctx) {
  const s = ctx.store.state;
  return {
    apiKey: DEMO_API_KEY,
    users: Object.values(s.users).map((u) => ({
      userKey: u.key,
      email: u.email,
      name: `${u.givenName} ${u.familyName}`,
      apiKey: u.apiKey,
    })),
    teams: Object.values(s.teams).map((t) => ({ teamKey: t.key, name: t.name })),
    pipelines: Object.values(s.pipelines).map((p) => ({ pipelineKey: p.key, name: p.name })),
    counts: {
      boxes: Object.keys(s.boxes).length,
      contacts: Object.keys(s.contacts).length,
      organizations: Object.keys(s.orgs).length,
      webhooks: Object.keys(s.webhooks).length,
    },
  };
}

export function registerControl(app: FastifyInstance, ctx: Ctx): void {
  const reset = (seed: boolean) => {
    ctx.hooks.cancelAll();
    ctx.faults.reset();
    if (seed) seedDemo(ctx);
    else seedEmpty(ctx);
    return sandboxInfo(ctx);
  };
  app.get('/__sandbox', async () => sandboxInfo(ctx));
  app.post('/__sandbox/reset', async (req) => reset(asObject(req.body).seed === true));
  app.post('/__sandbox/seed', async () => reset(true));
  app.get('/__sandbox/faults', async () => ctx.faults.faults);
  app.post('/__sandbox/faults', async (req) => ctx.faults.update(asObject(req.body)));
  app.delete('/__sandbox/faults', async () => {
    ctx.faults.reset();
    return ctx.faults.faults;
  });
  app.get('/__sandbox/deliveries', async (req) => {
    const query = req.query as Record<string, string>;
    const limit = qInt(query, 'limit', 100, { min: 1, max: 500 });
    const webhookKey = q(query, 'webhookKey');
    const list = ctx.store.state.deliveries.filter((d) => !webhookKey || d.webhookKey === webhookKey);
    return { deliveries: list.slice(-limit).reverse() };
  });
  app.delete('/__sandbox/deliveries', async () => {
    ctx.hooks.cancelAll();
    ctx.store.state.deliveries = [];
    ctx.store.changed();
    return { success: true };
  });
}
