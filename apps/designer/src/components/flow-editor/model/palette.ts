// The palette: every kind of step a user can place, grouped by purpose, with the config it starts with.
import type { ConnectorDescription } from '@conduit/connector-kit';
import { isReadAction } from '@conduit/flow';

export type PaletteGroup = 'Triggers' | 'Data' | 'Logic' | 'Streak' | 'Sage 100' | 'People' | 'Notify';
export const PALETTE_GROUPS: PaletteGroup[] = ['Triggers', 'Data', 'Logic', 'Streak', 'Sage 100', 'People', 'Notify'];

export interface PaletteItem {
  id: string;
  group: PaletteGroup;
  kind: string;
  title: string;
  description: string;
  config: Record<string, unknown>;
}

const GROUP_OF: Record<string, PaletteGroup> = { streak: 'Streak', sage100: 'Sage 100' };

/** Connection names the demo seed and the docs use; a user picks another in the inspector. */
const DEFAULT_CONNECTION: Record<string, string> = { streak: 'Streak sandbox', sage100: 'Sage 100 (emulator)' };

export function paletteItems(connectors: readonly ConnectorDescription[]): PaletteItem[] {
  const items: PaletteItem[] = [];
  for (const c of connectors) {
    const ref = `${c.id}@${c.version}`;
    const group = GROUP_OF[c.id] ?? 'Data';
    const connectionRef = DEFAULT_CONNECTION[c.id];
    for (const t of c.triggers) {
      items.push({ id: `trigger:${ref}:${t.key}`, group: 'Triggers', kind: 'trigger', title: `${c.title}: ${t.title}`, description: t.description, config: { type: t.modes.includes('webhook') ? 'webhook' : 'changeFeed', connector: ref, [t.modes.includes('webhook') ? 'event' : 'feed']: t.key, ...(connectionRef ? { connectionRef } : {}), params: {} } });
    }
    for (const a of c.actions) {
      items.push({ id: `action:${ref}:${a.key}`, group, kind: isReadAction(a.key) ? 'lookup' : 'write', title: a.title, description: a.description, config: { connector: ref, action: a.key, ...(connectionRef ? { connectionRef } : {}), inputs: { fields: [] } } });
    }
  }
  items.push(
    { id: 'schedule', group: 'Triggers', kind: 'trigger', title: 'On a schedule', description: 'Runs the flow at fixed times (cron).', config: { type: 'schedule', cron: '0 7 * * 1-5' } },
    { id: 'manual', group: 'Triggers', kind: 'trigger', title: 'Started by hand', description: 'Runs when someone starts it, with a payload they give.', config: { type: 'manual' } },
    { id: 'map', group: 'Data', kind: 'map', title: 'Map fields', description: 'Builds a record from earlier data with field mappings and functions.', config: { mapping: { fields: [] } } },
    { id: 'forEach', group: 'Data', kind: 'forEach', title: 'For each', description: 'Repeats the connected steps for every item of a list.', config: { items: '' } },
    { id: 'condition', group: 'Logic', kind: 'condition', title: 'If / else', description: 'Continues on “true” or “false” depending on a condition.', config: { expression: '' } },
    { id: 'switch', group: 'Logic', kind: 'switch', title: 'Switch', description: 'Picks one of several paths by the first matching case.', config: { cases: [{ port: 'case1', when: '' }] } },
    { id: 'delay', group: 'Logic', kind: 'delay', title: 'Wait', description: 'Waits for a while before continuing.', config: { durationMs: 3_600_000 } },
    { id: 'approval', group: 'People', kind: 'approval', title: 'Ask for approval', description: 'Waits for an approver to approve or reject.', config: { message: '', approvers: [], timeoutMs: 2 * 86_400_000, onTimeout: 'reject' } },
    { id: 'notify', group: 'Notify', kind: 'notify', title: 'Send a notification', description: 'E-mails people or posts in the designer.', config: { channel: 'email', to: [], message: '' } },
  );
  return items;
}
