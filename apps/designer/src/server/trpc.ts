// tRPC setup and the procedure tiers (public, member, role(...)). Edit only to add a tier or change how
// the caller's workspace and role are resolved; routers build on these and never check roles by hand.
import type { Role } from '@conduit/db';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { currentUser, type SessionUser } from './auth';
import { clientIp } from './client-ip';
import { db } from './db';

export interface Context {
  user: SessionUser | null;
  /** Forwarded-for address, for the audit log. */
  ip: string | null;
}

export async function createContext(req: Request): Promise<Context> {
  return { user: await currentUser(), ip: clientIp(req.headers) };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) : null;
    return { ...shape, data: { ...shape.data, zodIssues: zod } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;

/** Signed in and a member of the workspace; adds `member` (workspace id, role) to the context. */
export const memberProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  const membership = await db().membership.findFirst({ where: { userId: ctx.user.id }, orderBy: { createdAt: 'asc' } });
  if (!membership) throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of any workspace; ask an owner to invite you.' });
  return next({ ctx: { ...ctx, user: ctx.user, member: { workspaceId: membership.workspaceId, role: membership.role } } });
});

const ROLE_LABEL: Record<Role, string> = { owner: 'an owner', admin: 'an admin', builder: 'a builder', approver: 'an approver', viewer: 'a viewer' };

/** Member with one of the given roles. */
export function roleProcedure(...roles: Role[]) {
  return memberProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.member.role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs the role ${roles.join(' or ')}; you are ${ROLE_LABEL[ctx.member.role]}. Ask an owner or admin.`,
      });
    }
    return next();
  });
}

export const ROLES = {
  read: ['owner', 'admin', 'builder', 'approver', 'viewer'],
  build: ['owner', 'admin', 'builder'],
  approve: ['owner', 'admin', 'approver'],
  administer: ['owner', 'admin'],
} as const satisfies Record<string, Role[]>;
