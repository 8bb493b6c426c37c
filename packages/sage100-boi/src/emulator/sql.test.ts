import { describe, expect, it } from 'vitest';
import { OdbcReader, type OdbcConnection } from '../com/odbc-reader';
import { fixtureEmulator, fixtureSession } from '../testing';
import type { SelectQuery } from '../types';
import { EmulatorReader } from './reader';
import { runSql, SqlError } from './sql';

const connection = { company: 'TST', user: 'integ', password: 'secret' };

describe('ODBC surface', () => {
  it('is read-only and speaks the ProvideX dialect: ? parameters, {d} literals, TOP, ORDER BY', () => {
    const co = fixtureEmulator().company('TST');
    expect(() => runSql(co, "UPDATE AR_Customer SET CreditHold = 'Y'")).toThrow(SqlError);
    expect(() => runSql(co, "DELETE FROM AR_Customer")).toThrow(/read-only/);
    const rows = runSql(co, "SELECT TOP 2 CustomerNo, DateEstablished FROM AR_Customer WHERE ARDivisionNo = ? AND (CreditHold = 'Y' OR CustomerNo >= 'GONE') ORDER BY CustomerNo", ['01']);
    expect(rows).toEqual([{ CustomerNo: 'GONE', DateEstablished: null }, { CustomerNo: 'HOLD', DateEstablished: null }]);
    co.table('AR_Customer').put({ ...(co.table('AR_Customer').get(co.table('AR_Customer').keyOf(['01', 'ABF'])) ?? {}), DateUpdated: '20260310' });
    expect(runSql(co, "SELECT CustomerNo FROM AR_Customer WHERE DateUpdated >= {d '2026-03-01'}")).toEqual([{ CustomerNo: 'ABF' }]);
  });

  it('lets the COM side\'s SQL reader run here: same rows as the emulator reader for filters, stamps and paging', async () => {
    const emu = fixtureEmulator();
    const c = fixtureSession(emu, 'AR_Customer_ui').NewObject('AR_Customer_bus');
    c.nSetKey('01ZED');
    c.nSetValue('CustomerName$', 'Zed');
    c.nWrite();
    const sqlConnection: OdbcConnection = { query: async (sql, params) => runSql(emu.company('TST'), sql, params as (string | number)[]), close: async () => {} };
    const viaSql = new OdbcReader(async () => sqlConnection);
    const direct = new EmulatorReader(emu, connection);
    const queries: SelectQuery[] = [
      { table: 'AR_Customer', where: { ARDivisionNo: '01' } },
      { table: 'AR_Customer', updatedSince: '20260302' },
      { table: 'AR_Customer', after: ['01', 'GONE'], limit: 2 },
      { table: 'IM_ItemWarehouse', where: { ItemCode: 'WIDGET' } },
    ];
    for (const q of queries) expect(await viaSql.select(q)).toEqual(await direct.select(q));
  });
});
