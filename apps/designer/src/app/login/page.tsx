import { redirect } from 'next/navigation';
import { env } from '../../env';
import { currentUser } from '../../server/auth';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  if (await currentUser()) redirect('/flows');
  const { CONDUIT_DEMO, OIDC_ISSUER } = env();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-brand-600 text-xl font-bold text-white" aria-hidden>
            C
          </div>
          <h1 className="text-2xl font-semibold">Sign in to Conduit</h1>
          <p className="mt-1 text-sm text-slate-500">Streak ↔ Sage 100, lead to cash</p>
        </div>
        <LoginForm sso={Boolean(OIDC_ISSUER)} />
        {CONDUIT_DEMO === '1' && (
          <p className="mt-6 rounded-md border border-amber-200 bg-amber-50 p-3 text-xs text-amber-900" data-testid="demo-hint">
            Demo mode: sign in as <code>owner@demo.conduit.local</code> (or admin, builder, approver, viewer) with password{' '}
            <code>conduit-demo</code>.
          </p>
        )}
      </div>
    </main>
  );
}
