import { randomBytes } from 'node:crypto';
import { allowlistEntryProblem } from '@conduit/connector-kit';
import type { Prisma } from '@conduit/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { env as appEnv } from '../../../env';
import { actorOf, audit } from '../../audit';
import { publicConnection } from '../../connections';
import { db, secrets } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';
import { notFound } from './errors';
import { pruneRuns } from './retention';

const id = z.string().uuid();
const variableValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
const variables = z.record(
  z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
      'variable names are letters, digits and _ (e.g. approvalThreshold)',
    ),
  variableValue,
);

const settings = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    isProtected: z.boolean().optional(),
    variables: variables.optional(),
    runRetentionDays: z.number().int().min(1, 'keep runs at least 1 day').max(3650).optional(),
    // Webhook senders allowed to reach this environment's ingress; empty allows every address.
    ipAllowlist: z
      .array(
        z
          .string()
          .trim()
          .superRefine((entry, ctx) => {
            const problem = allowlistEntryProblem(entry);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          }),
      )
      .max(100)
      .optional(),
  })
  .strict();

/** Everything about an environment a person may see; the webhook secret stays on the server. */
function publicEnvironment(e: Prisma.EnvironmentGetPayload<object>) {
  const { webhookSecretEnc: _secret, ...rest } = e;
  return {
    ...rest,
    webhookUrl: `${appEnv().NEXTAUTH_URL.replace(/\/$/, '')}/api/hooks/streak/${e.key}/${e.webhookEndpointId}`,
  };
}

export const environmentsRouter = router({
  list: roleProcedure(...ROLES.read).query(({ ctx }) =>
    db().environment.findMany({
      where: { workspaceId: ctx.member.workspaceId },
      orderBy: { position: 'asc' },
      select: { id: true, key: true, name: true, isProtected: true, position: true },
    }),
  ),

  get: roleProcedure(...ROLES.read)
    .input(z.object({ id }).strict())
    .query(async ({ ctx, input }) => {
      const e = await db().environment.findFirst({
        where: { id: input.id, workspaceId: ctx.member.workspaceId },
      });
      if (!e) notFound('That environment');
      const [connections, deployments] = await Promise.all([
        db().connection.findMany({ where: { environmentId: e.id }, orderBy: { name: 'asc' } }),
        db().deployment.findMany({
          where: { environmentId: e.id, active: true },
          include: {
            flowVersion: {
              select: { number: true, message: true, flow: { select: { id: true, name: true } } },
            },
          },
          orderBy: { deployedAt: 'desc' },
        }),
      ]);
      return { ...publicEnvironment(e), connections: connections.map(publicConnection), deployments };
    }),

  create: roleProcedure(...ROLES.administer)
    .input(
      z
        .object({
          key: z
            .string()
            .regex(/^[a-z][a-z0-9-]{1,19}$/, 'keys are 2-20 lowercase letters, digits or -, e.g. uat'),
          name: z.string().trim().min(1).max(60),
          isProtected: z.boolean().default(false),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const existing = await db().environment.findFirst({
        where: { workspaceId: ctx.member.workspaceId, key: input.key },
      });
      if (existing)
        throw new TRPCError({
          code: 'CONFLICT',
          message: `An environment with key “${input.key}” already exists.`,
        });
      const last = await db().environment.findFirst({
        where: { workspaceId: ctx.member.workspaceId },
        orderBy: { position: 'desc' },
      });
      return db().$transaction(async (tx) => {
        const created = await tx.environment.create({
          data: {
            workspaceId: ctx.member.workspaceId,
            key: input.key,
            name: input.name,
            isProtected: input.isProtected,
            position: (last?.position ?? -1) + 1,
            taskQueue: `conduit-${input.key}`,
            webhookSecretEnc: secrets().encrypt(randomBytes(24).toString('base64url')),
            webhookEndpointId: randomBytes(12).toString('base64url'),
          },
        });
        await audit(tx, actorOf(ctx), {
          action: 'environment.create',
          targetType: 'environment',
          targetId: created.id,
          after: publicEnvironment(created),
        });
        return publicEnvironment(created);
      });
    }),

  update: roleProcedure(...ROLES.administer)
    .input(z.object({ id, settings }).strict())
    .mutation(async ({ ctx, input }) => {
      const before = await db().environment.findFirst({
        where: { id: input.id, workspaceId: ctx.member.workspaceId },
      });
      if (!before) notFound('That environment');
      return db().$transaction(async (tx) => {
        const after = await tx.environment.update({ where: { id: before.id }, data: input.settings });
        await audit(tx, actorOf(ctx), {
          action: 'environment.update',
          targetType: 'environment',
          targetId: before.id,
          before: publicEnvironment(before),
          after: publicEnvironment(after),
        });
        return publicEnvironment(after);
      });
    }),

  /** Applies the retention policy now (the background job does the same every hour). */
  pruneRuns: roleProcedure(...ROLES.administer)
    .input(z.object({ id }).strict())
    .mutation(async ({ ctx, input }) => {
      const e = await db().environment.findFirst({
        where: { id: input.id, workspaceId: ctx.member.workspaceId },
      });
      if (!e) notFound('That environment');
      const r = await pruneRuns(db(), { environmentId: e.id });
      await audit(db(), actorOf(ctx), {
        action: 'environment.pruneRuns',
        targetType: 'environment',
        targetId: e.id,
        after: { deleted: r.deleted, retentionDays: e.runRetentionDays },
      });
      return r;
    }),
});
