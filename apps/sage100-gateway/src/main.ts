// `pnpm start`: run the gateway from the environment (emulator unless SAGE100_BACKEND=com).
import { comProvider } from '@conduit/sage100-boi';
import { readEnv } from './env';
import { startGateway, type StartGatewayOptions } from './index';

async function main(): Promise<void> {
  const env = readEnv();
  const companies = env.SAGE100_COMPANIES.split(',').map((c) => c.trim().toUpperCase());
  const com: StartGatewayOptions['com'] =
    env.SAGE100_BACKEND === 'com'
      ? { provider: comProvider({ homePath: env.SAGE100_HOME ?? '', odbc: env.SAGE100_ODBC }), companies, user: env.SAGE100_USER ?? '', password: env.SAGE100_PASSWORD ?? '' }
      : undefined;
  let gateway;
  try {
    gateway = await startGateway({ port: env.SAGE100_GATEWAY_PORT, host: env.SAGE100_GATEWAY_HOST, token: env.SAGE100_GATEWAY_TOKEN, dataFile: env.SAGE100_EMULATOR_DATA_FILE, log: (line) => console.log(line), ipAllowlist: env.SAGE100_GATEWAY_IP_ALLOWLIST, ...(com ? { com } : {}) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`sage100-gateway: port ${env.SAGE100_GATEWAY_PORT} is already in use; stop the other process or set SAGE100_GATEWAY_PORT to a free port.`);
      process.exit(1);
    }
    throw err;
  }
  console.log(`sage100-gateway ready on ${gateway.url} (${env.SAGE100_BACKEND}, company ${gateway.companies.join(', ')})`);
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`sage100-gateway: ${(err as Error).message}`);
  process.exit(1);
});
