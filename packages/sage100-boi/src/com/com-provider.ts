// The Windows binding: ProvideX.Script (pvxcom.exe) over COM via `winax`, reads over ODBC via `odbc`.
// It cannot run here (no Windows, no Sage install). Both modules load only on Windows and are not
// dependencies of this package: install them on the agent host. Kept thin on purpose — review by eye.
import { BoiError, type BoiLines, type BoiObject, type BoiProvider, type BoiRef, type BoiSession, type SageConnection } from '../types';
import type { Value } from '../schema/columns';
import { loadWindowsModule } from './load';
import { odbcConnect, OdbcReader } from './odbc-reader';

export interface ComProviderOptions {
  /** `...\MAS90\Home`, local or UNC. */
  homePath: string;
  /** ODBC connection string without credentials, e.g. `DSN=SOTAMAS90` or a DSN-less driver string. */
  odbc: string;
}

type Dispatch = Record<string, unknown>;
interface Winax {
  Object: new (progId: string) => Dispatch;
  Variant: new (value: unknown, kind: 'byref') => { valueOf(): unknown };
}


/** Any COM exception leaves the session suspect: production pools discard it (reference §2.1). */
function invoke(target: Dispatch, name: string, args: unknown[]): unknown {
  try {
    return (target[name] as (...a: unknown[]) => unknown)(...args);
  } catch (err) {
    throw new BoiError('session-lost', `${name}: ${(err as Error).message}`);
  }
}

class ComObject implements BoiObject {
  constructor(
    protected readonly winax: Winax,
    protected readonly o: Dispatch,
  ) {}
  protected n(name: string, ...args: unknown[]): number {
    return Number(invoke(this.o, name, args));
  }
  get sLastErrorMsg(): string { return String(this.o.sLastErrorMsg ?? ''); }
  get sLastErrorNum(): string { return String(this.o.sLastErrorNum ?? ''); }
  get nEditState(): number { return Number(this.o.nEditState ?? 0); }
  get nEOF(): number { return Number(this.o.nEOF ?? 1); }
  get oLines(): BoiLines | undefined {
    const lines = this.o.oLines as Dispatch | undefined;
    return lines ? new ComLines(this.winax, lines) : undefined;
  }
  nSetKeyValue(column: string, value: Value): number { return this.n('nSetKeyValue', column, value); }
  nSetKey(key?: string): number { return key === undefined ? this.n('nSetKey') : this.n('nSetKey', key); }
  nFind(key?: string): number { return key === undefined ? this.n('nFind') : this.n('nFind', key); }
  nSetValue(column: string, value: Value): number { return this.n('nSetValue', column, value); }
  nWrite(): number { return this.n('nWrite'); }
  nDelete(key?: string): number { return key === undefined ? this.n('nDelete') : this.n('nDelete', key); }
  nClear(): number { return this.n('nClear'); }
  nMoveFirst(): number { return this.n('nMoveFirst'); }
  nMoveNext(): number { return this.n('nMoveNext'); }
  nSetBrowseFilter(prefix: string): number { return this.n('nSetBrowseFilter', prefix); }
  sGetKeyColumns(): string { return String(invoke(this.o, 'sGetKeyColumns', [])); }
  sGetColumns(): string { return String(invoke(this.o, 'sGetColumns', [])); }
  /** By-ref out parameters need a winax byref Variant. */
  protected byRef(name: string, args: unknown[], out: BoiRef): number {
    const ref = new this.winax.Variant('', 'byref');
    const r = this.n(name, ...args, ref);
    out.value = ref.valueOf() as Value;
    return r;
  }
  nGetValue(column: string, out: BoiRef): number { return this.byRef('nGetValue', [column], out); }
  nGetNextSalesOrderNo(out: BoiRef<string>): number { return this.byRef('nGetNextSalesOrderNo', [], out as BoiRef); }
  nGetNextCustomerNo(out: BoiRef<string>): number { return this.byRef('nGetNextCustomerNo', [], out as BoiRef); }
  DropObject(): void { invoke(this.o, 'DropObject', []); }
}

class ComLines extends ComObject implements BoiLines {
  nAddLine(): number { return this.n('nAddLine'); }
  nEditLine(lineKey: string): number { return this.n('nEditLine', lineKey); }
}

class ComSession implements BoiSession {
  private readonly script: Dispatch;
  private readonly ss: Dispatch;

  constructor(private readonly winax: Winax, homePath: string) {
    this.script = new winax.Object('ProvideX.Script');
    invoke(this.script, 'Init', [homePath]);
    this.ss = invoke(this.script, 'NewObject', ['SY_Session']) as Dispatch;
  }
  private n(name: string, ...args: unknown[]): number { return Number(invoke(this.ss, name, args)); }
  get sLastErrorMsg(): string { return String(this.ss.sLastErrorMsg ?? ''); }
  nSetUser(user: string, password: string): number { return this.n('nSetUser', user, password); }
  nSetCompany(company: string): number { return this.n('nSetCompany', company); }
  nSetDate(module: string, ymd: string): number { return this.n('nSetDate', module, ymd); }
  nSetModule(module: string): number { return this.n('nSetModule', module); }
  nLookupTask(task: string): number { return this.n('nLookupTask', task); }
  nSetProgram(taskId: number): number { return this.n('nSetProgram', taskId); }
  NewObject(name: string): BoiObject { return new ComObject(this.winax, invoke(this.script, 'NewObject', [name, this.ss]) as Dispatch); }
  nCleanup(): number { return this.n('nCleanup'); }
  DropObject(): void { invoke(this.ss, 'DropObject', []); }
}

export function comProvider(opts: ComProviderOptions): BoiProvider {
  const winax = loadWindowsModule<Winax>('winax');
  return {
    kind: 'com',
    openSession: () => new ComSession(winax, opts.homePath),
    openReader: (c: SageConnection) => new OdbcReader(odbcConnect(opts.odbc, c)),
    // The agent runs on the Sage server, so its local clock is the server's (shifted into the UTC fields).
    serverNow: () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000),
  };
}
