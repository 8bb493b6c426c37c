'use client';

import { useMemo } from 'react';
import { useEditor, type StepNode } from '../store';
import { Field, inputClass } from '../../ui/field';
import { isTimeZone, nextFireTimes, parseCron } from '@conduit/flow';

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Cron and time zone of a schedule trigger, with the next fire times as a preview (Temporal has the last word at deploy). */
export function ScheduleTriggerForm({ node }: { node: StepNode }) {
  const updateNode = useEditor((s) => s.updateNode);
  const c = node.data.config;
  const cron = String(c.cron ?? '');
  const timeZone = typeof c.timeZone === 'string' ? c.timeZone : '';
  const set = (patch: Record<string, unknown>) => updateNode(node.id, { config: { ...c, ...patch } });
  const parsed = useMemo(() => parseCron(cron), [cron]);
  const zoneError = timeZone && !isTimeZone(timeZone) ? `'${timeZone}' is not a time zone; use a name like America/Chicago` : undefined;
  const upcoming = useMemo(() => (parsed.ok && !zoneError ? nextFireTimes(parsed.cron, { from: new Date(), count: 3, ...(timeZone ? { timeZone } : {}) }) : []), [parsed, timeZone, zoneError]);

  return (
    <div className="space-y-3">
      <Field label="When (cron: minute hour day month weekday)" help="e.g. 0 7 * * 1-5 for weekdays at 7:00" {...(parsed.ok ? {} : { error: parsed.error })}>
        {(id) => <input id={id} value={cron} onChange={(e) => set({ cron: e.target.value })} className={inputClass} data-testid="schedule-cron" />}
      </Field>
      <Field label="Time zone" help="Empty means UTC." {...(zoneError ? { error: zoneError } : {})}>
        {(id) => (
          <>
            <input id={id} value={timeZone} list={`${id}-zones`} onChange={(e) => set({ timeZone: e.target.value || undefined })} placeholder="UTC" className={inputClass} data-testid="schedule-time-zone" />
            <datalist id={`${id}-zones`}>
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      {upcoming.length > 0 && <NextRuns times={upcoming} timeZone={timeZone || 'UTC'} />}
    </div>
  );
}

/** Only rendered with a valid zone: Intl throws on an unknown one. */
function NextRuns({ times, timeZone }: { times: Date[]; timeZone: string }) {
  const show = new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
  return (
    <div className="text-xs text-slate-600" data-testid="schedule-next">
      <p className="font-medium text-slate-700">Next runs once deployed</p>
      <ul className="list-disc pl-4">
        {times.map((t) => (
          <li key={t.getTime()}>{show.format(t)}</li>
        ))}
      </ul>
    </div>
  );
}
