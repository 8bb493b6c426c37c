// Deploy, undeploy, promote (with a diff) and roll back flow versions per environment. A protected
// environment (prod by default) takes an owner or admin; the others take a builder too.
import { temporal } from '../../temporal';
import type { Role } from '@conduit/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { env as appEnv } from '../../../env';
import { actorOf, audit } from '../../audit';
import { db, secrets } from '../../db';
import { type DeployContext, deployVersion, undeploy } from '../../engine-actions';
import { roleProcedure, ROLES, router } from '../../trpc';
import { diffGraphs, diffVariables } from './diff';
import { act, notFound } from './errors';

const id = z.string().uuid();

async function environmentFor(role: Role, workspaceId: string, environmentId: string) {
  const e = await db().environment.findFirst({ where: { id: environmentId, workspaceId } });
  if (!e) notFound('That environment');
  if (e.isProtected && !(ROLES.administer as readonly Role[]).includes(role)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `${e.name} is protected: an owner or admin must deploy there. Ask one to promote this version.`,
    });
  }
  return e;
}

function deployContext(ctx: { member: { workspaceId: string }; user: { id: string } }): DeployContext {
  return {
    db: db(),
    secrets: secrets(),
    workspaceId: ctx.member.workspaceId,
    userId: ctx.user.id,
    publicUrl: appEnv().NEXTAUTH_URL,
    temporal,
  };
}

const activeIn = (environmentId: string, flowId: string) =>
  db().deployment.findFirst({
    where: { environmentId, flowId, active: true },
    include: { flowVersion: true },
  });

const summary = (
  d: { id: string; flowVersionId: string; flowVersion?: { number: number } } | null | undefined,
) => (d ? { deploymentId: d.id, flowVersionId: d.flowVersionId, version: d.flowVersion?.number } : null);

export const deploymentsRouter = router({
  /** Flows × environments: which version is live where. */
  overview: roleProcedure(...ROLES.read).query(async ({ ctx }) => {
    const [flows, deployments] = await Promise.all([
      db().flow.findMany({
        where: { workspaceId: ctx.member.workspaceId, archivedAt: null },
        select: {
          id: true,
          name: true,
          versions: {
            select: { id: true, number: true, message: true, createdAt: true },
            orderBy: { number: 'desc' },
          },
        },
        orderBy: { name: 'asc' },
      }),
      db().deployment.findMany({
        where: { active: true, environment: { workspaceId: ctx.member.workspaceId } },
        include: { flowVersion: { select: { number: true } } },
      }),
    ]);
    return flows.map((f) => ({
      ...f,
      live: Object.fromEntries(
        deployments
          .filter((d) => d.flowId === f.id)
          .map((d) => [
            d.environmentId,
            { flowVersionId: d.flowVersionId, version: d.flowVersion.number, deployedAt: d.deployedAt },
          ]),
      ),
    }));
  }),

  history: roleProcedure(...ROLES.read)
    .input(z.object({ flowId: id, environmentId: id.optional() }).strict())
    .query(({ ctx, input }) =>
      db().deployment.findMany({
        where: {
          flowId: input.flowId,
          ...(input.environmentId ? { environmentId: input.environmentId } : {}),
          environment: { workspaceId: ctx.member.workspaceId },
        },
        include: {
          flowVersion: { select: { number: true, message: true } },
          environment: { select: { key: true, name: true } },
        },
        orderBy: { deployedAt: 'desc' },
        take: 100,
      }),
    ),

  deploy: roleProcedure(...ROLES.build)
    .input(z.object({ environmentId: id, flowVersionId: id }).strict())
    .mutation(async ({ ctx, input }) => {
      await environmentFor(ctx.member.role, ctx.member.workspaceId, input.environmentId);
      const r = await act(() => deployVersion(deployContext(ctx), input));
      await audit(db(), actorOf(ctx), {
        action: 'flow.deploy',
        targetType: 'deployment',
        targetId: r.deployment.id,
        before: summary(r.previous),
        after: { ...summary({ ...r.deployment, flowVersion: r.version }), environment: r.environment.key },
      });
      return { deploymentId: r.deployment.id, warnings: r.warnings };
    }),

  undeploy: roleProcedure(...ROLES.build)
    .input(z.object({ environmentId: id, flowId: id }).strict())
    .mutation(async ({ ctx, input }) => {
      const e = await environmentFor(ctx.member.role, ctx.member.workspaceId, input.environmentId);
      const r = await act(() => undeploy(deployContext(ctx), input));
      await audit(db(), actorOf(ctx), {
        action: 'flow.undeploy',
        targetType: 'deployment',
        targetId: r.deployment.id,
        before: { ...summary(r.deployment), environment: e.key },
        after: null,
      });
      return { warnings: r.warnings };
    }),

  /** What promoting would change in the target: graph, mappings and the two environments' variables. */
  preview: roleProcedure(...ROLES.read)
    .input(z.object({ flowId: id, fromEnvironmentId: id, toEnvironmentId: id }).strict())
    .query(async ({ ctx, input }) => {
      const envs = await db().environment.findMany({
        where: {
          id: { in: [input.fromEnvironmentId, input.toEnvironmentId] },
          workspaceId: ctx.member.workspaceId,
        },
      });
      const from = envs.find((e) => e.id === input.fromEnvironmentId) ?? notFound('The source environment');
      const to = envs.find((e) => e.id === input.toEnvironmentId) ?? notFound('The target environment');
      const [source, target] = await Promise.all([
        activeIn(from.id, input.flowId),
        activeIn(to.id, input.flowId),
      ]);
      if (!source)
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: `This flow is not deployed in ${from.name}; deploy a version there first.`,
        });
      return {
        from: {
          id: from.id,
          name: from.name,
          version: source.flowVersion.number,
          flowVersionId: source.flowVersionId,
        },
        to: {
          id: to.id,
          name: to.name,
          isProtected: to.isProtected,
          version: target?.flowVersion.number ?? null,
        },
        sameVersion: target?.flowVersionId === source.flowVersionId,
        graph: diffGraphs(target?.flowVersion.graph ?? { nodes: [], edges: [] }, source.flowVersion.graph),
        variables: diffVariables(to.variables, from.variables),
      };
    }),

  /** Copies the version live in one environment into the next. */
  promote: roleProcedure(...ROLES.build)
    .input(z.object({ flowId: id, fromEnvironmentId: id, toEnvironmentId: id }).strict())
    .mutation(async ({ ctx, input }) => {
      if (input.fromEnvironmentId === input.toEnvironmentId)
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'Pick a different target environment.' });
      const to = await environmentFor(ctx.member.role, ctx.member.workspaceId, input.toEnvironmentId);
      const from = await db().environment.findFirst({
        where: { id: input.fromEnvironmentId, workspaceId: ctx.member.workspaceId },
      });
      if (!from) notFound('The source environment');
      const source = await activeIn(from.id, input.flowId);
      if (!source)
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: `This flow is not deployed in ${from.name}; deploy a version there first.`,
        });
      const r = await act(() =>
        deployVersion(deployContext(ctx), { environmentId: to.id, flowVersionId: source.flowVersionId }),
      );
      await audit(db(), actorOf(ctx), {
        action: 'flow.promote',
        targetType: 'deployment',
        targetId: r.deployment.id,
        before: { environment: to.key, ...summary(r.previous) },
        after: {
          environment: to.key,
          from: from.key,
          ...summary({ ...r.deployment, flowVersion: source.flowVersion }),
        },
      });
      return { deploymentId: r.deployment.id, version: source.flowVersion.number, warnings: r.warnings };
    }),

  /** Re-activates the version that was live before the current one. */
  rollback: roleProcedure(...ROLES.build)
    .input(z.object({ environmentId: id, flowId: id }).strict())
    .mutation(async ({ ctx, input }) => {
      const e = await environmentFor(ctx.member.role, ctx.member.workspaceId, input.environmentId);
      const current = await activeIn(e.id, input.flowId);
      if (!current)
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: `This flow is not deployed in ${e.name}; there is nothing to roll back.`,
        });
      const previous = await db().deployment.findFirst({
        where: {
          environmentId: e.id,
          flowId: input.flowId,
          active: false,
          flowVersionId: { not: current.flowVersionId },
          deployedAt: { lt: current.deployedAt },
        },
        orderBy: { deployedAt: 'desc' },
        include: { flowVersion: true },
      });
      if (!previous)
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: `No earlier version was deployed in ${e.name}; undeploy instead.`,
        });
      const r = await act(() =>
        deployVersion(deployContext(ctx), { environmentId: e.id, flowVersionId: previous.flowVersionId }),
      );
      await audit(db(), actorOf(ctx), {
        action: 'flow.rollback',
        targetType: 'deployment',
        targetId: r.deployment.id,
        before: { environment: e.key, ...summary(current) },
        after: { environment: e.key, ...summary({ ...r.deployment, flowVersion: previous.flowVersion }) },
      });
      return { deploymentId: r.deployment.id, version: previous.flowVersion.number, warnings: r.warnings };
    }),
});
