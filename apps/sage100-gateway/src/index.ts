// Public surface of @conduit/sage100-gateway: start a gateway (emulator by default), the demo token, and a
// typed client for the emulator's controls.
import { emulatorProvider, JsonSnapshotFile, Sage100Emulator, type BoiProvider, type EmulatorSnapshot } from '@conduit/sage100-boi';
import { GatewayContext } from './context';
import { emulatorRoutes } from './emulator/controls';
import { holdRoutes } from './emulator/holds';
import { EMULATOR_PAGE } from './emulator/page';
import { Ledger } from './ledger';
import { DEFAULT_DATA_FILE, ledgerFileFor } from './paths';
import { DEMO_COMPANY, DEMO_SAGE_PASSWORD, DEMO_SAGE_USER, seedDemo } from './seed/demo';
import { buildServer } from './server';

export { EmulatorControlClient, EmulatorControlError, type EmulatorFaults } from './emulator/client';
export { SHARED_DEMO_COMPANIES, type SharedDemoCompany } from './seed/shared-companies';
export { DEMO_COMPANY } from './seed/demo';
export { ERROR_CODES, type ErrorCode } from './http/errors';
export { readEnv, type Env as GatewayEnv } from './env';

/** The token the dev orchestrator passes; never use it outside a laptop. */
export const DEMO_GATEWAY_TOKEN = 'conduit-demo-sage100-gateway-token';

export interface StartGatewayOptions {
  port?: number;
  host?: string;
  token?: string;
  /** Emulator state file; `null` keeps everything in memory (tests). */
  dataFile?: string | null;
  /** Seed the demo company when there is no saved state (default true). */
  seed?: boolean;
  /** Clock source for the emulated Sage server. */
  now?: () => Date;
  /** Request log sink (one line per request, no secrets). */
  log?: (line: string) => void;
  /** Real Sage through the COM binding instead of the emulator. */
  com?: { provider: BoiProvider; companies: string[]; user: string; password: string };
  poolSize?: number;
  /** Addresses or CIDR ranges allowed to connect (checked before the token); absent or empty allows all. */
  ipAllowlist?: string[];
}

export interface RunningGateway {
  url: string;
  token: string;
  /** The emulated installation (null on real Sage). */
  emulator: Sage100Emulator | null;
  companies: string[];
  close(): Promise<void>;
}

function openEmulator(opts: StartGatewayOptions): { emu: Sage100Emulator; file: JsonSnapshotFile<EmulatorSnapshot> | null } {
  const emu = new Sage100Emulator(opts.now ? { now: opts.now } : {});
  const path = opts.dataFile === undefined ? DEFAULT_DATA_FILE : opts.dataFile;
  const file = path ? new JsonSnapshotFile<EmulatorSnapshot>(path, () => emu.snapshot(), { debounceMs: 1000, maxWaitMs: 5000 }) : null;
  const saved = file?.read();
  if (saved) emu.restore(saved);
  else if (opts.seed !== false) seedDemo(emu);
  if (file) emu.onChange(() => file.schedule());
  if (file && !saved) file.schedule();
  return { emu, file };
}

export async function startGateway(opts: StartGatewayOptions = {}): Promise<RunningGateway> {
  const token = opts.token ?? DEMO_GATEWAY_TOKEN;
  const emulated = opts.com ? null : openEmulator(opts);
  const emu = emulated?.emu ?? null;
  const dataFile = opts.dataFile === undefined ? DEFAULT_DATA_FILE : opts.dataFile;
  const ledger = new Ledger(emu && dataFile ? ledgerFileFor(dataFile) : null);
  const ctx = new GatewayContext(
    {
      provider: opts.com?.provider ?? emulatorProvider(emu as Sage100Emulator),
      companies: opts.com?.companies ?? (emu ? [...emu.companies.keys()] : [DEMO_COMPANY]),
      user: opts.com?.user ?? DEMO_SAGE_USER,
      password: opts.com?.password ?? DEMO_SAGE_PASSWORD,
      poolSize: opts.poolSize ?? 4,
      ...(emu ? { beforeUse: () => (emu.faults.latencyMs > 0 ? new Promise<void>((r) => setTimeout(r, emu.faults.latencyMs)) : Promise.resolve()) } : {}),
    },
    ledger,
  );
  const app = buildServer({
    ctx,
    token,
    ...(emu ? { emulatorRoutes: [...emulatorRoutes(emu, () => seedDemo(emu)), ...holdRoutes(emu)], page: EMULATOR_PAGE } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.ipAllowlist ? { ipAllowlist: opts.ipAllowlist } : {}),
  });
  await app.listen({ port: opts.port ?? 4020, host: opts.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    token,
    emulator: emu,
    companies: ctx.config.companies,
    close: async () => {
      await app.close();
      await ctx.close();
      await emulated?.file?.flush();
      await ledger.flush();
    },
  };
}
