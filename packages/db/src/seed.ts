// The demo workspace: one user per role, dev/QA/prod environments, and dev/QA connections pointing at
// the local Streak sandbox and Sage 100 gateway. Idempotent: running it again changes nothing.
import { randomBytes } from 'node:crypto';
import type { Db } from './client';
import { hashPassword } from './passwords';
import type { SecretBox } from './secrets';
import type { Role } from './generated/prisma/client';

export const DEMO_PASSWORD = 'conduit-demo';
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'owner@demo.conduit.local', name: 'Olivia Owner', role: 'owner' },
  { email: 'admin@demo.conduit.local', name: 'Adam Admin', role: 'admin' },
  { email: 'builder@demo.conduit.local', name: 'Bea Builder', role: 'builder' },
  { email: 'approver@demo.conduit.local', name: 'Abe Approver', role: 'approver' },
  { email: 'viewer@demo.conduit.local', name: 'Vera Viewer', role: 'viewer' },
];
export const DEMO_ENVIRONMENTS = [
  { key: 'dev', name: 'Development', position: 0, isProtected: false },
  { key: 'qa', name: 'QA', position: 1, isProtected: false },
  { key: 'prod', name: 'Production', position: 2, isProtected: true },
] as const;

export interface DemoSeedOptions {
  secrets: SecretBox;
  streak: { baseUrl: string; apiKey: string };
  sage100: { baseUrl: string; token: string; company: string };
}

export async function seedDemo(db: Db, options: DemoSeedOptions): Promise<{ workspaceId: string }> {
  const workspace = await db.workspace.upsert({
    where: { slug: 'demo' },
    update: {},
    create: { name: 'Northwind Demo', slug: 'demo' },
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, passwordHash, isDemo: true },
    });
    await db.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      update: {},
      create: { workspaceId: workspace.id, userId: user.id, role: u.role },
    });
  }
  for (const e of DEMO_ENVIRONMENTS) {
    const env = await db.environment.upsert({
      where: { workspaceId_key: { workspaceId: workspace.id, key: e.key } },
      update: {},
      create: {
        workspaceId: workspace.id,
        key: e.key,
        name: e.name,
        position: e.position,
        isProtected: e.isProtected,
        taskQueue: `conduit-${e.key}`,
        webhookSecretEnc: options.secrets.encrypt(randomBytes(24).toString('base64url')),
        webhookEndpointId: randomBytes(12).toString('base64url'),
        variables: { approvalThreshold: 10000, priceLevel: '', baseCurrency: 'USD' },
      },
    });
    if (e.key === 'prod') continue; // production gets its own connections from a person, not from the demo seed
    await db.connection.upsert({
      where: { environmentId_name: { environmentId: env.id, name: 'Streak sandbox' } },
      update: {},
      create: {
        environmentId: env.id,
        kind: 'streak',
        name: 'Streak sandbox',
        // The local sandbox is no real Streak: it takes far more than Streak's 10 requests/s.
        config: { baseUrl: options.streak.baseUrl, allowPrivateHost: true, requestsPerSecond: 500 },
        secretEnc: options.secrets.encrypt(options.streak.apiKey),
        secretKeyId: options.secrets.activeKeyId,
      },
    });
    await db.connection.upsert({
      where: { environmentId_name: { environmentId: env.id, name: 'Sage 100 (emulator)' } },
      update: {},
      create: {
        environmentId: env.id,
        kind: 'sage100',
        name: 'Sage 100 (emulator)',
        config: { baseUrl: options.sage100.baseUrl, company: options.sage100.company, allowPrivateHost: true, requestsPerSecond: 500 },
        secretEnc: options.secrets.encrypt(options.sage100.token),
        secretKeyId: options.secrets.activeKeyId,
      },
    });
  }
  return { workspaceId: workspace.id };
}
