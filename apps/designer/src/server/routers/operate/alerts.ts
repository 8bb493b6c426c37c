import type { AlertChannel } from '@conduit/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { channelConfig, deliver } from '../../alerts/channels';
import { evaluateAlerts } from '../../alerts/evaluate';
import { actorOf, audit } from '../../audit';
import { db, secrets } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';
import { notFound } from './errors';

const id = z.string().uuid();
const name = z.string().trim().min(1).max(80);
const channelInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('email'),
      name,
      config: channelConfig.email,
      secret: z.string().max(500).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('slack'),
      name,
      config: channelConfig.slack.default({}),
      secret: z.string().url('paste the whole incoming-webhook URL (https://hooks.slack.com/…)'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('webhook'),
      name,
      config: channelConfig.webhook,
      secret: z.string().min(8).max(500).optional(),
    })
    .strict(),
]);

/** The secret (SMTP password, Slack URL, signing key) never leaves the server. */
function publicChannel(c: AlertChannel) {
  const { secretEnc, ...rest } = c;
  return { ...rest, secretSet: Boolean(secretEnc) };
}

const admin = roleProcedure(...ROLES.administer);

export const alertsRouter = router({
  channels: admin.query(async ({ ctx }) =>
    (
      await db().alertChannel.findMany({
        where: { workspaceId: ctx.member.workspaceId },
        orderBy: { name: 'asc' },
      })
    ).map(publicChannel),
  ),

  createChannel: admin.input(channelInput).mutation(async ({ ctx, input }) => {
    const clash = await db().alertChannel.findFirst({
      where: { workspaceId: ctx.member.workspaceId, name: input.name },
    });
    if (clash)
      throw new TRPCError({
        code: 'CONFLICT',
        message: `A channel named “${input.name}” exists already; pick another name.`,
      });
    return db().$transaction(async (tx) => {
      const c = await tx.alertChannel.create({
        data: {
          workspaceId: ctx.member.workspaceId,
          kind: input.kind,
          name: input.name,
          config: input.config,
          secretEnc: input.secret ? secrets().encrypt(input.secret) : null,
        },
      });
      await audit(tx, actorOf(ctx), {
        action: 'alertChannel.create',
        targetType: 'alertChannel',
        targetId: c.id,
        after: publicChannel(c),
      });
      return publicChannel(c);
    });
  }),

  removeChannel: admin.input(z.object({ id }).strict()).mutation(async ({ ctx, input }) => {
    const c = await db().alertChannel.findFirst({
      where: { id: input.id, workspaceId: ctx.member.workspaceId },
    });
    if (!c) notFound('That channel');
    await db().$transaction(async (tx) => {
      await tx.alertChannel.delete({ where: { id: c.id } });
      await audit(tx, actorOf(ctx), {
        action: 'alertChannel.delete',
        targetType: 'alertChannel',
        targetId: c.id,
        before: publicChannel(c),
      });
    });
    return { id: c.id };
  }),

  /** Sends a test message so a person sees the channel works before relying on it. */
  testChannel: admin.input(z.object({ id }).strict()).mutation(async ({ ctx, input }) => {
    const c = await db().alertChannel.findFirst({
      where: { id: input.id, workspaceId: ctx.member.workspaceId },
    });
    if (!c) notFound('That channel');
    try {
      await deliver(c, secrets(), {
        title: 'Test alert',
        lines: [`This is a test from Conduit, sent by ${ctx.user.email}.`],
        details: { event: 'test' },
      });
      return { ok: true as const, message: `Sent a test alert to ${c.name}.` };
    } catch (err) {
      return {
        ok: false as const,
        message: `Could not send to ${c.name}: ${(err as Error).message}. Check the channel settings.`,
      };
    }
  }),

  rules: admin.query(({ ctx }) =>
    db().alertRule.findMany({
      where: { workspaceId: ctx.member.workspaceId },
      include: { channel: { select: { name: true, kind: true } }, environment: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ),

  createRule: admin
    .input(
      z
        .object({
          channelId: id,
          event: z.enum(['run_failed', 'dead_letter_added', 'approval_waiting', 'connection_failing']),
          environmentId: id.nullable().default(null),
          thresholdMinutes: z.number().int().min(0).max(43_200).default(0),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const channel = await db().alertChannel.findFirst({
        where: { id: input.channelId, workspaceId: ctx.member.workspaceId },
      });
      if (!channel) notFound('That channel');
      if (
        input.environmentId &&
        !(await db().environment.findFirst({
          where: { id: input.environmentId, workspaceId: ctx.member.workspaceId },
        }))
      )
        notFound('That environment');
      return db().$transaction(async (tx) => {
        const rule = await tx.alertRule.create({ data: { workspaceId: ctx.member.workspaceId, ...input } });
        await audit(tx, actorOf(ctx), {
          action: 'alertRule.create',
          targetType: 'alertRule',
          targetId: rule.id,
          after: rule,
        });
        return rule;
      });
    }),

  setRuleEnabled: admin
    .input(z.object({ id, enabled: z.boolean() }).strict())
    .mutation(async ({ ctx, input }) => {
      const before = await db().alertRule.findFirst({
        where: { id: input.id, workspaceId: ctx.member.workspaceId },
      });
      if (!before) notFound('That rule');
      return db().$transaction(async (tx) => {
        const after = await tx.alertRule.update({
          where: { id: before.id },
          data: { enabled: input.enabled },
        });
        await audit(tx, actorOf(ctx), {
          action: 'alertRule.update',
          targetType: 'alertRule',
          targetId: before.id,
          before: { enabled: before.enabled },
          after: { enabled: after.enabled },
        });
        return after;
      });
    }),

  removeRule: admin.input(z.object({ id }).strict()).mutation(async ({ ctx, input }) => {
    const before = await db().alertRule.findFirst({
      where: { id: input.id, workspaceId: ctx.member.workspaceId },
    });
    if (!before) notFound('That rule');
    await db().$transaction(async (tx) => {
      await tx.alertRule.delete({ where: { id: before.id } });
      await audit(tx, actorOf(ctx), {
        action: 'alertRule.delete',
        targetType: 'alertRule',
        targetId: before.id,
        before,
      });
    });
    return { id: before.id };
  }),

  /** Evaluates this workspace's rules now (the background loop does the same every minute). */
  evaluateNow: admin
    .input(z.object({}).strict())
    .mutation(({ ctx }) => evaluateAlerts(db(), secrets(), { workspaceId: ctx.member.workspaceId })),
});
