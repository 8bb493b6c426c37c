'use server';

// Creates the first workspace, its owner and the dev/QA/prod environments, only while no user exists.
// The check and the writes share one serializable transaction, so two visitors cannot both become owner.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@conduit/db';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db, secrets } from '../../server/db';

const schema = z.object({
  workspace: z.string().trim().min(1, 'Name the workspace, e.g. your company.').max(80),
  name: z.string().trim().min(1, 'Give your name.').max(80),
  email: z.string().trim().toLowerCase().email('Give a valid e-mail address.'),
  password: z.string().min(12, 'Use a password of at least 12 characters.').max(200),
});

const ENVIRONMENTS = [
  { key: 'dev', name: 'Development', isProtected: false },
  { key: 'qa', name: 'QA', isProtected: false },
  { key: 'prod', name: 'Production', isProtected: true },
];

export interface SetupState {
  error?: string;
}

export async function createOwner(_prev: SetupState, form: FormData): Promise<SetupState> {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Check the form.' };
  const input = parsed.data;
  const passwordHash = await hashPassword(input.password);
  const slug = input.workspace.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workspace';
  const created = await db().$transaction(
    async (tx) => {
      if ((await tx.user.count()) > 0) return false;
      const workspace = await tx.workspace.create({ data: { name: input.workspace, slug } });
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'owner' } });
      for (const [position, e] of ENVIRONMENTS.entries()) {
        await tx.environment.create({
          data: { workspaceId: workspace.id, ...e, position, taskQueue: `conduit-${e.key}`, webhookSecretEnc: secrets().encrypt(randomBytes(24).toString('base64url')), webhookEndpointId: randomBytes(12).toString('base64url') },
        });
      }
      await tx.auditLog.create({ data: { workspaceId: workspace.id, actorId: user.id, actorEmail: user.email, action: 'workspace.setup', targetType: 'workspace', targetId: workspace.id } });
      return true;
    },
    { isolationLevel: 'Serializable' },
  );
  if (!created) return { error: 'Conduit is already set up; sign in instead.' };
  redirect('/login');
}
