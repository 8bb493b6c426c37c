import { redirect } from 'next/navigation';
import { db } from '../../server/db';
import { SetupForm } from './setup-form';

export const dynamic = 'force-dynamic';

/** First run: when nobody has an account yet, the first visitor creates the workspace and its owner. */
export default async function SetupPage() {
  if ((await db().user.count()) > 0) redirect('/login');
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <h1 className="text-2xl font-semibold">Set up Conduit</h1>
          <p className="mt-1 text-sm text-slate-600">Create your workspace and the owner account. You can invite others afterwards.</p>
        </div>
        <SetupForm />
      </div>
    </main>
  );
}
