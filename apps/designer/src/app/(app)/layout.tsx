import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { TrpcProvider } from '../../lib/trpc';
import { currentUser } from '../../server/auth';
import { serverCaller } from '../../server/caller';
import { Nav } from '../../components/nav';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/login');
  const me = await (await serverCaller()).me.get();
  return (
    <TrpcProvider>
      <div className="flex min-h-screen">
        <Nav workspace={me.workspace.name} user={{ name: user.name, email: user.email, role: me.role }} />
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </TrpcProvider>
  );
}
