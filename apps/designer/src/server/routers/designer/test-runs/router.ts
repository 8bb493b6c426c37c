// Test runs of a draft in a non-protected environment (dev by default), plus loading a real record
// from the stored connection to pin as the trigger's sample.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DraftSchema, graphOf } from '../../../../components/flow-editor/model/draft';
import { db } from '../../../db';
import { getTestRunProgress, startTestRun, TestRunError } from '../../../engine-bridge';
import { roleProcedure, ROLES, router } from '../../../trpc';
import { userFacing } from '../errors';
import { connectorRegistry, withStoredConnection } from '../catalog/connectors';
import { triggerPayload } from './captured';

export const testRunsRouter = router({
  start: roleProcedure(...ROLES.build)
    .input(z.object({ flowId: z.uuid(), environmentKey: z.string().min(1).max(40).default('dev'), draft: DraftSchema, sample: z.unknown() }).strict())
    .mutation(async ({ ctx, input }) => {
      const flow = await db().flow.findFirst({ where: { id: input.flowId, workspaceId: ctx.member.workspaceId }, select: { id: true } });
      if (!flow) throw new TRPCError({ code: 'NOT_FOUND', message: 'This flow does not exist or was deleted; go back to the flow list.' });
      const env = await db().environment.findFirst({ where: { workspaceId: ctx.member.workspaceId, key: input.environmentKey }, select: { isProtected: true, name: true } });
      if (!env) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no environment “${input.environmentKey}”; pick one from the list.` });
      if (env.isProtected) throw new TRPCError({ code: 'FORBIDDEN', message: `${env.name} is protected; test runs only go to unprotected environments such as dev.` });
      if (input.sample === undefined || input.sample === null) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Pin a sample on the trigger first (load a Streak box or paste an event).' });
      try {
        return await startTestRun({ workspaceId: ctx.member.workspaceId, flowId: flow.id, graph: graphOf(input.draft), sample: input.sample, environmentKey: input.environmentKey });
      } catch (err) {
        if (err instanceof TestRunError) throw new TRPCError({ code: 'BAD_REQUEST', message: `Cannot test-run yet: ${err.message}.` });
        throw err;
      }
    }),

  progress: roleProcedure(...ROLES.build)
    .input(z.object({ runId: z.uuid() }).strict())
    .query(async ({ input }) => {
      const p = await getTestRunProgress(input.runId);
      if (!p) throw new TRPCError({ code: 'NOT_FOUND', message: 'This test run is no longer known (the server restarted); start it again.' });
      return p;
    }),

  /** The latest webhook events this environment received, shaped as the trigger delivers them to a flow. */
  capturedEvents: roleProcedure(...ROLES.build)
    .input(z.object({ environmentKey: z.string().min(1).max(40), connector: z.string().regex(/^[a-z0-9-]+@\d+$/), trigger: z.string().min(1).max(60), params: z.record(z.string().max(100), z.string().max(500)).default({}) }).strict())
    .query(async ({ ctx, input }) => {
      const [connector, version] = input.connector.split('@') as [string, string];
      if (!connectorRegistry().has(connector, version)) throw new TRPCError({ code: 'NOT_FOUND', message: `The ${connector} connector is not installed; pick another trigger.` });
      const events = await db().webhookEvent.findMany({
        where: { environment: { workspaceId: ctx.member.workspaceId, key: input.environmentKey }, ...(input.params.event ? { eventType: input.params.event } : {}) },
        orderBy: { receivedAt: 'desc' },
        take: 10,
        select: { id: true, eventType: true, receivedAt: true, payload: true },
      });
      const trigger = connectorRegistry().getTrigger(connector, version, input.trigger);
      return events.map((e) => ({ id: e.id, eventType: e.eventType, receivedAt: e.receivedAt, payload: triggerPayload({ trigger, eventType: e.eventType, params: input.params, stored: e.payload }) }));
    }),

  /** Recent boxes (or other records) to pin as a sample: runs a read action with the stored connection. */
  sampleRecords: roleProcedure(...ROLES.build)
    .input(z.object({ connectionId: z.uuid(), action: z.string().min(1).max(60).regex(/^(get|find|list|search)[A-Za-z]*$/, 'only read actions can load samples'), input: z.record(z.string().max(100), z.unknown()) }).strict())
    .query(({ ctx, input }) =>
      userFacing(() => withStoredConnection({ workspaceId: ctx.member.workspaceId, connectionId: input.connectionId }, (c) => c.runAction(input.action, input.input))),
    ),
});
