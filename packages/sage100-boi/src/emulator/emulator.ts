// The emulated Sage 100 installation: companies, users and their task rights, locks, clock and faults.
import type { Row } from '../schema/columns';
import { BoiError } from '../types';
import { stampOf } from '../values';
import { EmulatorClock } from './clock';
import { Company, DEFAULT_OPTIONS, type CompanyOptions } from './company';
import { blankRow } from './store';

export interface UserDef {
  logon: string;
  password: string;
  /** Zero-filled SY_User.UserKey, written into User*Key audit columns. */
  userKey: string;
  companies: string[];
  /** Role security: task name → granted rights, a subset of `CMRV` (create/modify/remove/view). */
  rights: Record<string, string>;
}

export interface Faults {
  /** Added to every gateway call (the gateway's pool awaits it; BOI calls themselves are synchronous). */
  latencyMs: number;
  /** The next N orders lose their session while adding lines. */
  sessionLossMidOrder: number;
  /** The next N sales-order header writes commit, then the call times out. */
  timeoutAfterCommit: number;
  /** Writes skip DateUpdated/TimeUpdated, as Visual Integrator bulk jobs do. */
  stamplessWrites: boolean;
  /** Licence exhaustion: user licences left for new logons (null = unlimited). Open sessions keep theirs. */
  licencesAvailable: number | null;
}

export const NO_FAULTS: Faults = { latencyMs: 0, sessionLossMidOrder: 0, timeoutAfterCommit: 0, stamplessWrites: false, licencesAvailable: null };

interface Lock {
  sessionId: number;
  user: string;
  expiresAt: number;
}

export interface EmulatorSnapshot {
  version: 1;
  users: UserDef[];
  companies: { code: string; name: string; options: CompanyOptions; counters: Company['counters']; tables: Record<string, Row[]> }[];
}

export class Sage100Emulator {
  readonly companies = new Map<string, Company>();
  readonly users = new Map<string, UserDef>();
  readonly clock: EmulatorClock;
  faults: Faults = { ...NO_FAULTS };
  private readonly locks = new Map<string, Lock>();
  private readonly listeners = new Set<() => void>();
  private nextSessionId = 1;

  constructor(opts: { now?: () => Date; utcOffsetMinutes?: number } = {}) {
    this.clock = new EmulatorClock(opts.now, opts.utcOffsetMinutes ?? 0);
  }

  createCompany(code: string, name: string, options: Partial<CompanyOptions> = {}): Company {
    const company = new Company(code.toUpperCase(), name, { ...DEFAULT_OPTIONS, ...options });
    this.companies.set(company.code, company);
    return company;
  }

  company(code: string): Company {
    const c = this.companies.get(code.toUpperCase());
    if (!c) throw new BoiError('com', `Company ${code} is not on file.`);
    return c;
  }

  addUser(user: Omit<UserDef, 'userKey'> & { userKey?: string }): UserDef {
    const def = { ...user, userKey: user.userKey ?? String(this.users.size + 1).padStart(10, '0') };
    this.users.set(def.logon.toUpperCase(), def);
    return def;
  }

  newSessionId(): number {
    return this.nextSessionId++;
  }

  /** Server-local stamp for audit columns. */
  stamp(): { date: string; time: string } {
    return stampOf(this.clock.local());
  }

  /** Sets the audit columns of a row being written, unless stamp-less writes are switched on. */
  applyStamps(row: Row, opts: { isNew: boolean; userKey: string; audit: 'full' | 'updated' | 'none' }): void {
    if (opts.audit === 'none' || this.faults.stamplessWrites) return;
    const { date, time } = this.stamp();
    if (opts.isNew && opts.audit === 'full') Object.assign(row, { DateCreated: date, TimeCreated: time, UserCreatedKey: opts.userKey });
    Object.assign(row, { DateUpdated: date, TimeUpdated: time, UserUpdatedKey: opts.userKey });
  }

  /** Takes an edit lock; returns the holder's logon when someone else has it. */
  lock(lockKey: string, sessionId: number, user: string): string | null {
    const held = this.locks.get(lockKey);
    if (held && held.sessionId !== sessionId && held.expiresAt > Date.now()) return held.user;
    this.locks.set(lockKey, { sessionId, user, expiresAt: Number.POSITIVE_INFINITY });
    return null;
  }

  unlock(lockKey: string, sessionId: number): void {
    if (this.locks.get(lockKey)?.sessionId === sessionId) this.locks.delete(lockKey);
  }

  /** ProvideX releases every lock of a process that ends. */
  unlockSession(sessionId: number): void {
    for (const [k, l] of this.locks) if (l.sessionId === sessionId) this.locks.delete(k);
  }

  /** Lock contention fault: another (phantom) user holds the record for `seconds` of wall time. */
  holdLock(opts: { company: string; table: string; key: string; seconds: number; user?: string }): void {
    const lockKey = `${opts.company.toUpperCase()}|${opts.table}|${opts.key}`;
    this.locks.set(lockKey, { sessionId: 0, user: opts.user ?? 'JSMITH', expiresAt: Date.now() + opts.seconds * 1000 });
  }

  releasePhantomLocks(): void {
    for (const [k, l] of this.locks) if (l.sessionId === 0) this.locks.delete(k);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  snapshot(): EmulatorSnapshot {
    const companies = [...this.companies.values()].map((c) => {
      const tables: Record<string, Row[]> = {};
      for (const [name, store] of c.tables) {
        if (store.size === 0) continue;
        const blank = blankRow(store.def);
        // Sparse rows keep the snapshot small: only values that differ from a blank row.
        tables[name] = [...store.scan()].map((row) => {
          const sparse: Row = {};
          for (const k in row) if (row[k] !== blank[k]) sparse[k] = row[k] as Row[string];
          return sparse;
        });
      }
      return { code: c.code, name: c.name, options: c.options, counters: { ...c.counters }, tables };
    });
    return { version: 1, users: [...this.users.values()], companies };
  }

  restore(snapshot: EmulatorSnapshot): void {
    this.companies.clear();
    this.users.clear();
    this.locks.clear();
    for (const u of snapshot.users) this.addUser(u);
    for (const c of snapshot.companies) {
      const company = this.createCompany(c.code, c.name, c.options);
      company.counters = { ...c.counters };
      for (const [table, rows] of Object.entries(c.tables)) for (const row of rows) company.load(table, row);
    }
  }
}
