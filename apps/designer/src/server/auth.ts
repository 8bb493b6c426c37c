// next-auth configuration: email + password (bcrypt) always, OIDC when configured. Demo users can only
// sign in while demo mode is on, so a production deployment refuses them even if they exist.
import { verifyPassword } from '@conduit/db';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getServerSession } from 'next-auth';
import { z } from 'zod';
import { env } from '../env';
import { db } from './db';

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

function providers(): AuthOptions['providers'] {
  const list: AuthOptions['providers'] = [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await db().user.findUnique({ where: { email: parsed.data.email } });
        if (!user?.passwordHash) return null;
        if (user.isDemo && env().CONDUIT_DEMO !== '1') return null;
        if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
        await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = env();
  if (OIDC_ISSUER && OIDC_CLIENT_ID && OIDC_CLIENT_SECRET) {
    list.push({
      id: 'oidc',
      name: 'Single sign-on',
      type: 'oauth',
      wellKnown: `${OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: { sub: string; email: string; name?: string }) {
        return { id: profile.sub, email: profile.email, name: profile.name ?? profile.email };
      },
    });
  }
  return list;
}

export function authOptions(): AuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: providers(),
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return true;
        // SSO users must already be members; an owner invites them by email.
        const existing = user.email ? await db().user.findUnique({ where: { email: user.email.toLowerCase() } }) : null;
        return Boolean(existing);
      },
      async jwt({ token, user }) {
        if (user?.email) {
          const row = await db().user.findUnique({ where: { email: user.email.toLowerCase() } });
          if (row) token.sub = row.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const u = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!u?.id || !u.email) return null;
  return { id: u.id, email: u.email, name: u.name ?? u.email };
}
