import { headers } from 'next/headers';
import { appRouter } from './routers';
import { currentUser } from './auth';
import { clientIp } from './client-ip';

/** tRPC caller for server components: same procedures, same role checks, no HTTP hop. */
export async function serverCaller() {
  const h = await headers();
  return appRouter.createCaller({ user: await currentUser(), ip: clientIp(h) });
}
