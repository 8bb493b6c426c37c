import { describe, expect, it } from 'vitest';
import { isTimeZone, nextFireTimes, parseCron } from './cron';

const from = new Date('2026-11-26T00:52:00Z');
const next = (expression: string, timeZone?: string, count = 3) => {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.error);
  return nextFireTimes(parsed.cron, { from, count, ...(timeZone ? { timeZone } : {}) }).map((d) => d.toISOString());
};

// Expected times from 0 0 * * 7 on are what a Temporal dev server's Schedule describe() listed for the same cron and zone.
describe('cron preview', () => {
  it('lists the next fire times in the trigger’s time zone, as Temporal does', () => {
    expect(next('0 7 * * 1-5', 'America/Chicago')).toEqual(['2026-11-26T13:00:00.000Z', '2026-11-27T13:00:00.000Z', '2026-11-30T13:00:00.000Z']);
    expect(next('0 0 * * 7', 'America/Chicago')).toEqual(['2026-11-29T06:00:00.000Z', '2026-12-06T06:00:00.000Z', '2026-12-13T06:00:00.000Z']);
    expect(next('*/20 9-10 * JAN-MAR MON-FRI', 'America/Chicago', 4)).toEqual(['2027-01-01T15:00:00.000Z', '2027-01-01T15:20:00.000Z', '2027-01-01T15:40:00.000Z', '2027-01-01T16:00:00.000Z']);
    // Across the spring change of clocks: noon local is an hour earlier in UTC from May.
    expect(next('0 12 1 */2 *', 'America/Chicago')).toEqual(['2027-01-01T18:00:00.000Z', '2027-03-01T18:00:00.000Z', '2027-05-01T17:00:00.000Z']);
    // A day of the month and a weekday must both match: Friday the 13th.
    expect(next('0 7 13 * 5', 'America/Chicago')).toEqual(['2027-08-13T12:00:00.000Z', '2028-10-13T12:00:00.000Z', '2029-04-13T12:00:00.000Z']);
    expect(next('30 6 * * *')).toEqual(['2026-11-26T06:30:00.000Z', '2026-11-27T06:30:00.000Z', '2026-11-28T06:30:00.000Z']);
  });

  it('names the field that is wrong', () => {
    expect(parseCron('every morning')).toEqual({ ok: false, error: 'cron needs five fields: minute hour day month weekday (e.g. 0 7 * * 1-5)' });
    expect(parseCron('61 7 * * *')).toEqual({ ok: false, error: 'the minute must be 0-59, not 61' });
    expect(parseCron('0 7 * * MON-XYZ')).toMatchObject({ ok: false, error: expect.stringContaining("the weekday field has 'XYZ'") });
    expect(parseCron('*/0 * * * *')).toMatchObject({ ok: false, error: expect.stringContaining('step') });
    expect(parseCron('0 9-5 * * *')).toEqual({ ok: false, error: "the hour range '9-5' runs backwards" });
    expect(parseCron('0 7 0 * *')).toEqual({ ok: false, error: 'the day of the month must be 1-31, not 0' });
  });

  it('knows time zones by their IANA names', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
