'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

export function LoginForm({ sso }: { sso: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
    setBusy(false);
    if (result?.ok) {
      router.replace('/flows');
      router.refresh();
    } else {
      setError('That email and password do not match an account. Check both and try again.');
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" noValidate={false}>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" data-testid="login-email" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" data-testid="login-password" />
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60" data-testid="login-submit">
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {sso && (
        <button type="button" onClick={() => signIn('oidc', { callbackUrl: '/flows' })} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium">
          Sign in with SSO
        </button>
      )}
    </form>
  );
}
