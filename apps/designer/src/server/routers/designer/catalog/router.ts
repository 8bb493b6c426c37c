// What the canvas and inspector can offer: node kinds' connector actions and triggers, the function
// library, a workspace's connections, and dynamic pickers / schema discovery run with a stored connection.
import { FUNCTIONS } from '@conduit/mapping';
import { z } from 'zod';
import { db } from '../../../db';
import { roleProcedure, ROLES, router } from '../../../trpc';
import { userFacing } from '../errors';
import { connectorDescriptions, withStoredConnection } from './connectors';

const paramsSchema = z.record(z.string().max(100), z.string().max(500)).refine((r) => Object.keys(r).length <= 20, 'at most 20 parameters');

export const catalogRouter = router({
  get: roleProcedure(...ROLES.read).query(() => ({ connectors: connectorDescriptions(), functions: FUNCTIONS })),

  connections: roleProcedure(...ROLES.read)
    .input(z.object({ environmentKey: z.string().min(1).max(40) }).strict())
    .query(({ ctx, input }) =>
      db().connection.findMany({
        where: { environment: { workspaceId: ctx.member.workspaceId, key: input.environmentKey } },
        orderBy: { name: 'asc' },
        select: { id: true, name: true, kind: true, lastTestOk: true },
      }),
    ),

  picker: roleProcedure(...ROLES.build)
    .input(z.object({ connectionId: z.uuid(), source: z.string().min(1).max(60), params: paramsSchema.default({}) }).strict())
    .query(({ ctx, input }) =>
      userFacing(() => withStoredConnection({ workspaceId: ctx.member.workspaceId, connectionId: input.connectionId }, (c) => c.loadPicker(input.source, input.params))),
    ),

  discover: roleProcedure(...ROLES.build)
    .input(z.object({ connectionId: z.uuid(), params: paramsSchema.default({}) }).strict())
    .query(({ ctx, input }) =>
      userFacing(() => withStoredConnection({ workspaceId: ctx.member.workspaceId, connectionId: input.connectionId }, (c) => c.discover(input.params))),
    ),
});
