// The designer's "Test connection": tells an unreachable host, a server that is not the gateway, a wrong
// token and a company the gateway does not serve apart, each as the kit error the test result maps.
import { type AuthTestAccount, type BaseContext, PermanentError } from '@conduit/connector-kit';
import type { Sage100Auth } from './auth';
import { callGateway } from './api/gateway';
import { gatewayHealth } from './api/health';

export async function testSage100(ctx: BaseContext<Sage100Auth>): Promise<AuthTestAccount> {
  const { company } = ctx.auth;
  // Unauthenticated: reaching it proves host and port before the token is judged.
  const health = await gatewayHealth(ctx.http).catch((err: unknown) => {
    if (err instanceof PermanentError && err.reason === 'not_found') {
      throw new PermanentError('validation', { connector: 'Sage 100', subject: { type: 'connection', field: 'baseUrl' }, message: `Sage 100: ${ctx.http.baseUrl} answers, but it is not a Conduit Sage 100 gateway (no /health)`, cause: err });
    }
    throw err;
  });
  // Authenticated and company-scoped: a wrong token is AUTH_FAILED, an unknown company COMPANY_UNAVAILABLE.
  await callGateway(ctx, { path: 'customers', query: { limit: 1 }, subject: { type: 'company', key: company }, what: `company ${company}` });
  return { id: company, name: `Sage 100 company ${company} (${health.backend === 'com' ? 'Sage 100' : 'emulator'}, Sage time ${health.serverTime})` };
}
