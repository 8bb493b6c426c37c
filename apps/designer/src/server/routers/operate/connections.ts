import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { actorOf, audit } from '../../audit';
import { publicConnection, SECRET_FIELD, testSettings, testStoredConnection } from '../../connections';
import { db, secrets } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';
import { notFound } from './errors';

const id = z.string().uuid();
const baseUrl = z
  .string()
  .trim()
  .url('Enter a full URL such as https://api.streak.com/api')
  .refine((u) => /^https?:/.test(u), 'Use an http(s) URL');
// Non-secret settings per kind; anything else is refused so a secret cannot hide in `config`.
const configOf = {
  streak: z.object({ baseUrl: baseUrl.optional(), allowPrivateHost: z.boolean().optional() }).strict(),
  sage100: z
    .object({
      baseUrl,
      company: z.string().trim().min(1).max(3, 'Sage 100 company codes are up to 3 characters'),
      allowPrivateHost: z.boolean().optional(),
    })
    .strict(),
};
const secret = z
  .string()
  .trim()
  .min(8, 'That secret looks too short; paste the whole key or token')
  .max(4096);

const createInput = z.discriminatedUnion('kind', [
  z
    .object({
      environmentId: id,
      kind: z.literal('streak'),
      name: z.string().trim().min(1).max(80),
      config: configOf.streak,
      secret,
    })
    .strict(),
  z
    .object({
      environmentId: id,
      kind: z.literal('sage100'),
      name: z.string().trim().min(1).max(80),
      config: configOf.sage100,
      secret,
    })
    .strict(),
]);

async function ownConnection(workspaceId: string, connectionId: string) {
  const row = await db().connection.findFirst({ where: { id: connectionId, environment: { workspaceId } } });
  return row ?? notFound('That connection');
}

export const connectionsRouter = router({
  list: roleProcedure(...ROLES.read)
    .input(z.object({ environmentId: id }).strict())
    .query(async ({ ctx, input }) => {
      const rows = await db().connection.findMany({
        where: { environmentId: input.environmentId, environment: { workspaceId: ctx.member.workspaceId } },
        orderBy: { name: 'asc' },
      });
      return rows.map(publicConnection);
    }),

  create: roleProcedure(...ROLES.administer)
    .input(createInput)
    .mutation(async ({ ctx, input }) => {
      const env = await db().environment.findFirst({
        where: { id: input.environmentId, workspaceId: ctx.member.workspaceId },
      });
      if (!env) notFound('That environment');
      const box = secrets();
      try {
        const row = await db().$transaction(async (tx) => {
          const created = await tx.connection.create({
            data: {
              environmentId: env.id,
              kind: input.kind,
              name: input.name,
              config: input.config,
              secretEnc: box.encrypt(input.secret),
              secretKeyId: box.activeKeyId,
            },
          });
          await audit(tx, actorOf(ctx), {
            action: 'connection.create',
            targetType: 'connection',
            targetId: created.id,
            after: publicConnection(created),
          });
          return created;
        });
        return publicConnection(row);
      } catch (err) {
        if ((err as { code?: string }).code === 'P2002')
          throw new TRPCError({
            code: 'CONFLICT',
            message: `${env.name} already has a connection named “${input.name}”; pick another name.`,
          });
        throw err;
      }
    }),

  /** Changes settings and, only when given, replaces the secret (it is never sent back). */
  update: roleProcedure(...ROLES.administer)
    .input(
      z
        .object({
          id,
          name: z.string().trim().min(1).max(80).optional(),
          config: z.record(z.string(), z.unknown()).optional(),
          secret: secret.optional(),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const before = await ownConnection(ctx.member.workspaceId, input.id);
      const config = input.config === undefined ? undefined : configOf[before.kind].safeParse(input.config);
      if (config && !config.success)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Connection settings: ${config.error.issues[0]?.path.join('.')} ${config.error.issues[0]?.message}`,
          cause: config.error,
        });
      const box = secrets();
      const row = await db().$transaction(async (tx) => {
        const after = await tx.connection.update({
          where: { id: before.id },
          data: {
            ...(input.name ? { name: input.name } : {}),
            ...(config ? { config: config.data } : {}),
            ...(input.secret
              ? {
                  secretEnc: box.encrypt(input.secret),
                  secretKeyId: box.activeKeyId,
                  lastTestOk: null,
                  lastTestError: null,
                }
              : {}),
          },
        });
        await audit(tx, actorOf(ctx), {
          action: input.secret ? 'connection.update+secret' : 'connection.update',
          targetType: 'connection',
          targetId: before.id,
          before: publicConnection(before),
          after: publicConnection(after),
        });
        return after;
      });
      return publicConnection(row);
    }),

  remove: roleProcedure(...ROLES.administer)
    .input(z.object({ id }).strict())
    .mutation(async ({ ctx, input }) => {
      const before = await ownConnection(ctx.member.workspaceId, input.id);
      await db().$transaction(async (tx) => {
        await tx.connection.delete({ where: { id: before.id } });
        await audit(tx, actorOf(ctx), {
          action: 'connection.delete',
          targetType: 'connection',
          targetId: before.id,
          before: publicConnection(before),
        });
      });
      return { id: before.id };
    }),

  /** Tests a stored connection and remembers the outcome. */
  test: roleProcedure(...ROLES.build)
    .input(z.object({ id }).strict())
    .mutation(async ({ ctx, input }) =>
      testStoredConnection(db(), secrets(), await ownConnection(ctx.member.workspaceId, input.id)),
    ),

  /** Tests typed settings before they are saved (the secret is used once, never stored or logged). */
  testDraft: roleProcedure(...ROLES.administer)
    .input(createInput)
    .mutation(({ input }) =>
      testSettings(input.kind, { ...input.config, [SECRET_FIELD[input.kind]]: input.secret }),
    ),

  /** Re-encrypts every secret of the workspace under the active key, so an old key can be retired. */
  rotateKeys: roleProcedure(...ROLES.administer)
    .input(z.object({}).strict())
    .mutation(async ({ ctx }) => {
      const box = secrets();
      return db().$transaction(async (tx) => {
        const rows = await tx.connection.findMany({
          where: {
            environment: { workspaceId: ctx.member.workspaceId },
            secretKeyId: { not: box.activeKeyId },
          },
        });
        for (const r of rows)
          await tx.connection.update({
            where: { id: r.id },
            data: { secretEnc: box.rotate(r.secretEnc), secretKeyId: box.activeKeyId },
          });
        const envs = await tx.environment.findMany({ where: { workspaceId: ctx.member.workspaceId } });
        for (const e of envs)
          await tx.environment.update({
            where: { id: e.id },
            data: { webhookSecretEnc: box.rotate(e.webhookSecretEnc) },
          });
        await audit(tx, actorOf(ctx), {
          action: 'secrets.rotate',
          targetType: 'workspace',
          targetId: ctx.member.workspaceId,
          after: { keyId: box.activeKeyId, connections: rows.length },
        });
        return { rotated: rows.length, activeKeyId: box.activeKeyId };
      });
    }),
});
