// Everything a request handler needs: Sage access (sessions for writes, reader for reads), the ledger, the clock.
import { stampOf, type BoiProvider, type SageConnection, type SageReader, type TableInfo } from '@conduit/sage100-boi';
import { GatewayError } from './http/errors';
import type { Ledger } from './ledger';
import { SessionPool } from './sage/pool';

export interface GatewayConfig {
  provider: BoiProvider;
  companies: string[];
  user: string;
  password: string;
  poolSize: number;
  beforeUse?: () => Promise<void>;
}

export class GatewayContext {
  private readonly pools = new Map<string, SessionPool>();
  private readonly readers = new Map<string, SageReader>();
  private readonly tableCache = new Map<string, Map<string, TableInfo>>();

  constructor(
    readonly config: GatewayConfig,
    readonly ledger: Ledger,
  ) {}

  /** Company codes are 3 characters, uppercase; only configured companies are served. */
  company(code: string): string {
    const co = code.toUpperCase();
    if (!this.config.companies.includes(co)) throw new GatewayError('COMPANY_UNAVAILABLE', `Company ${co} is not served by this gateway.`, { status: 404, retryable: false });
    return co;
  }

  private connection(company: string): SageConnection {
    return { company, user: this.config.user, password: this.config.password };
  }

  pool(company: string): SessionPool {
    let pool = this.pools.get(company);
    if (!pool) {
      pool = new SessionPool({ provider: this.config.provider, connection: this.connection(company), size: this.config.poolSize, maxAgeMs: 4 * 3_600_000, beforeUse: this.config.beforeUse });
      this.pools.set(company, pool);
    }
    return pool;
  }

  reader(company: string): SageReader {
    let reader = this.readers.get(company);
    if (!reader) {
      reader = this.config.provider.openReader(this.connection(company));
      this.readers.set(company, reader);
    }
    return reader;
  }

  table(company: string, name: string): TableInfo {
    let tables = this.tableCache.get(company);
    if (!tables) {
      tables = new Map(this.reader(company).tables().map((t) => [t.name, t]));
      this.tableCache.set(company, tables);
    }
    const t = tables.get(name);
    if (!t) throw new GatewayError('NOT_FOUND', `Table ${name} is not readable through this gateway.`);
    return t;
  }

  tables(company: string): TableInfo[] {
    this.table(company, 'AR_Customer');
    return [...(this.tableCache.get(company)?.values() ?? [])];
  }

  /** Forget cached layouts and sessions (after the emulator's options change or it is reseeded). */
  reset(): void {
    this.tableCache.clear();
    for (const p of this.pools.values()) p.close();
    this.pools.clear();
  }

  /** The Sage server's date, YYYYMMDD, for nSetDate. */
  today(): string {
    return stampOf(this.config.provider.serverNow()).date;
  }

  async close(): Promise<void> {
    for (const p of this.pools.values()) p.close();
    for (const r of this.readers.values()) await r.close();
  }
}
