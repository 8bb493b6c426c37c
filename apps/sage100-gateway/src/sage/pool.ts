// A small pool of logged-on BOI sessions per company. A session is single-threaded: one call at a time.
// Sessions are recycled after maxAgeMs and discarded after any COM-level failure (as production agents do).
import { BoiError, type BoiProvider, type BoiSession, type SageConnection } from '@conduit/sage100-boi';
import { GatewayError } from '../http/errors';

interface Pooled {
  session: BoiSession;
  createdAt: number;
  program: string | null;
}

export interface PoolOptions {
  provider: BoiProvider;
  connection: SageConnection;
  size: number;
  maxAgeMs: number;
  /** Awaited before each use: the emulator's latency fault hooks in here. */
  beforeUse?: () => Promise<void>;
}

export class SessionPool {
  private readonly idle: Pooled[] = [];
  private readonly waiters: ((p: Pooled | null) => void)[] = [];
  private open = 0;
  private closed = false;

  constructor(private readonly opts: PoolOptions) {}

  private create(): Pooled {
    const session = this.opts.provider.openSession();
    const { user, password, company } = this.opts.connection;
    if (session.nSetUser(user, password) !== 1) {
      session.DropObject();
      throw new GatewayError('AUTH_FAILED', 'The gateway could not log on to Sage 100 with its configured user.', { sageMessage: session.sLastErrorMsg, status: 502 });
    }
    if (session.nSetCompany(company) !== 1) {
      const msg = session.sLastErrorMsg;
      session.DropObject();
      throw new GatewayError('COMPANY_UNAVAILABLE', `Company ${company} is not available to the gateway.`, { sageMessage: msg, status: /not on file/.test(msg) ? 404 : 503, retryable: !/not on file/.test(msg) });
    }
    return { session, createdAt: Date.now(), program: null };
  }

  private async acquire(): Promise<Pooled> {
    if (this.closed) throw new GatewayError('SESSION_LOST', 'The gateway is shutting down.');
    while (this.idle.length) {
      const p = this.idle.pop() as Pooled;
      if (Date.now() - p.createdAt < this.opts.maxAgeMs) return p;
      this.discard(p);
    }
    if (this.open < this.opts.size) {
      this.open++;
      try {
        return this.create();
      } catch (err) {
        this.open--;
        throw err;
      }
    }
    const p = await new Promise<Pooled | null>((resolve) => this.waiters.push(resolve));
    return p ?? this.acquire();
  }

  private release(p: Pooled): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(p);
    else this.idle.push(p);
  }

  private discard(p: Pooled): void {
    this.open--;
    try {
      p.session.DropObject();
    } catch {
      // A dead COM session cannot be dropped cleanly; the process-level cleanup releases it.
    }
    this.waiters.shift()?.(null);
  }

  /** Runs `fn` with a session; a BoiError (session lost, timeout) discards the session instead of reusing it. */
  async use<T>(fn: (session: BoiSession, setProgram: (task: string) => void) => T): Promise<T> {
    await this.opts.beforeUse?.();
    const p = await this.acquire();
    const setProgram = (task: string): void => {
      if (p.program === task) return;
      if (p.session.nSetProgram(p.session.nLookupTask(task)) !== 1)
        throw new GatewayError('PERMISSION_DENIED', `The gateway's Sage user may not run ${task}.`, { sageMessage: p.session.sLastErrorMsg });
      p.program = task;
    };
    try {
      const result = fn(p.session, setProgram);
      this.release(p);
      return result;
    } catch (err) {
      if (err instanceof BoiError) this.discard(p);
      else this.release(p);
      throw err;
    }
  }

  stats(): { open: number; idle: number; waiting: number } {
    return { open: this.open, idle: this.idle.length, waiting: this.waiters.length };
  }

  close(): void {
    this.closed = true;
    for (const p of this.idle.splice(0)) this.discard(p);
    for (const w of this.waiters.splice(0)) w(null);
  }
}
