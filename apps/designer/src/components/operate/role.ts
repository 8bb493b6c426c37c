'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** Mirrors the server's ROLES tiers so the UI hides what the API would refuse anyway. */
const TIERS = {
  build: ['owner', 'admin', 'builder'],
  approve: ['owner', 'admin', 'approver'],
  administer: ['owner', 'admin'],
} as const;

export type Tier = keyof typeof TIERS;

export function useCan(): (tier: Tier) => boolean {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions(undefined, { staleTime: 60_000 }));
  return (tier) => Boolean(me.data && (TIERS[tier] as readonly string[]).includes(me.data.role));
}
