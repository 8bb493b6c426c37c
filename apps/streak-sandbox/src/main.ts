// `pnpm --filter @conduit/streak-sandbox start`: the sandbox as a dev process with persisted state.
import { env } from './env';
import { startSandbox } from './server';

async function main(): Promise<void> {
  let sandbox;
  try {
    sandbox = await startSandbox({
      port: env.STREAK_SANDBOX_PORT,
      host: env.STREAK_SANDBOX_HOST,
      dataFile: env.STREAK_SANDBOX_DATA_FILE,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `streak-sandbox: port ${env.STREAK_SANDBOX_PORT} is already in use; stop the process holding it or set STREAK_SANDBOX_PORT to a free port.`,
      );
      process.exit(1);
    }
    console.error(`streak-sandbox: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  // Only the key's ends: stack logs get collected and shipped, and a key in them is a key leaked (the full
  // demo key is in the README).
  console.log(`streak-sandbox ready on ${sandbox.url} (api key ${sandbox.apiKey.slice(0, 9)}…${sandbox.apiKey.slice(-4)})`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
