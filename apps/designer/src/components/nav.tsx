'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';

const LINKS = [
  { href: '/flows', label: 'Flows' },
  { href: '/runs', label: 'Runs' },
  { href: '/dead-letters', label: 'Dead letters' },
  { href: '/approvals', label: 'Approvals' },
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/connections', label: 'Connections' },
  { href: '/environments', label: 'Environments' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/audit', label: 'Audit log' },
];

export function Nav({ workspace, user }: { workspace: string; user: { name: string; email: string; role: string } }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div className="border-b border-slate-200 px-4 py-4">
        <div className="text-lg font-semibold text-brand-700">Conduit</div>
        <div className="truncate text-xs text-slate-500" data-testid="workspace-name">
          {workspace}
        </div>
      </div>
      <ul className="flex-1 space-y-0.5 p-2">
        {LINKS.map((l) => {
          const active = pathname === l.href || pathname.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link href={l.href} aria-current={active ? 'page' : undefined} className={`block rounded-md px-3 py-1.5 text-sm ${active ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`}>
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="border-t border-slate-200 p-3 text-xs">
        <div className="font-medium text-slate-800" data-testid="user-name">
          {user.name}
        </div>
        <div className="text-slate-500">
          {user.email} · <span data-testid="user-role">{user.role}</span>
        </div>
        <button type="button" onClick={() => signOut({ callbackUrl: '/login' })} className="mt-2 text-brand-600 hover:underline">
          Sign out
        </button>
      </div>
    </nav>
  );
}
