// SY_Session: logon, company, module dates and the program (task) that sets the security context.
import { BoiError, type BoiObject, type BoiSession } from '../types';
import { isYmd, stampOf } from '../values';
import type { Company } from './company';
import type { Sage100Emulator, UserDef } from './emulator';
import { NO_ACCESS } from './outcome';
import { createObject, TASKS } from './objects/registry';

export class EmulatorSession implements BoiSession {
  readonly id: number;
  sLastErrorMsg = '';
  user: UserDef | null = null;
  company: Company | null = null;
  program: string | null = null;
  module = '';
  private readonly dates = new Map<string, string>();
  private dead = false;
  private holdsLicence = false;

  constructor(readonly emu: Sage100Emulator) {
    this.id = emu.newSessionId();
  }

  private result(ok: boolean, msg: string): number {
    this.assertAlive();
    this.sLastErrorMsg = ok ? '' : msg;
    return ok ? 1 : 0;
  }

  assertAlive(): void {
    if (this.dead) throw new BoiError('session-lost', 'The ProvideX session is no longer available.');
  }

  /** Session loss: the OLE server process is gone, so its locks and unsaved work go with it. */
  kill(): void {
    this.dead = true;
    this.emu.unlockSession(this.id);
    this.releaseLicence();
  }

  nSetUser(user: string, password: string): number {
    const def = this.emu.users.get(user.toUpperCase());
    const ok = !!def && def.password === password;
    if (ok) this.user = def;
    return this.result(ok, 'The user logon or password is invalid.');
  }

  nSetCompany(code: string): number {
    this.assertAlive();
    if (!this.user) return this.result(false, 'User must be set before the company.');
    const company = this.emu.companies.get(code.toUpperCase());
    if (!company) return this.result(false, `Company ${code.toUpperCase()} is not on file.`);
    if (!company.options.allowExternalAccess) return this.result(false, `External access is not allowed for company ${company.code}.`);
    if (!this.user.companies.includes(company.code) && !this.user.companies.includes('*'))
      return this.result(false, `You do not have access to company ${company.code}.`);
    // A running BOI session consumes a Sage user licence (reference §2.1).
    const left = this.emu.faults.licencesAvailable;
    if (!this.holdsLicence && left !== null) {
      if (left <= 0) return this.result(false, 'No user licenses are available. Try again later.');
      this.emu.faults.licencesAvailable = left - 1;
      this.holdsLicence = true;
    }
    this.company = company;
    return this.result(true, '');
  }

  private releaseLicence(): void {
    if (this.holdsLicence && this.emu.faults.licencesAvailable !== null) this.emu.faults.licencesAvailable++;
    this.holdsLicence = false;
  }

  nSetDate(module: string, ymd: string): number {
    if (!isYmd(ymd)) return this.result(false, `The date ${ymd} is not valid (YYYYMMDD).`);
    this.dates.set(module, ymd);
    return this.result(true, '');
  }

  nSetModule(module: string): number {
    this.module = module;
    return this.result(true, '');
  }

  nLookupTask(task: string): number {
    this.assertAlive();
    const i = TASKS.indexOf(task);
    return i < 0 ? 0 : i + 1;
  }

  nSetProgram(taskId: number): number {
    const task = TASKS[taskId - 1];
    if (!task) return this.result(false, `Task ${taskId} is not on file.`);
    if (!this.rights(task)) return this.result(false, NO_ACCESS);
    this.program = task;
    return this.result(true, '');
  }

  NewObject(name: string): BoiObject {
    this.assertAlive();
    if (!this.user || !this.company) throw new BoiError('com', 'Session is not initialised (nSetUser/nSetCompany).');
    return createObject(this, name);
  }

  rights(task: string): string {
    return this.user?.rights[task] ?? this.user?.rights['*'] ?? '';
  }

  /** Module date set with nSetDate (the default for entry dates), else the server's date. */
  date(module = this.module): string {
    return this.dates.get(module) ?? stampOf(this.emu.clock.local()).date;
  }

  nCleanup(): number {
    this.assertAlive();
    this.emu.unlockSession(this.id);
    return 1;
  }

  DropObject(): void {
    if (!this.dead) this.emu.unlockSession(this.id);
    this.releaseLicence();
    this.dead = true;
  }
}
