// The schedule inspector as React renders it (server-side: the form reads nothing from the browser).
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StepNode } from '../store';
import { ScheduleTriggerForm } from './schedule-trigger-form';

const render = (config: Record<string, unknown>) => {
  const node = { id: 'tick', type: 'step', position: { x: 0, y: 0 }, data: { kind: 'trigger', label: 'Every morning', config: { type: 'schedule', ...config } } } as unknown as StepNode;
  return renderToString(createElement(ScheduleTriggerForm, { node })).replaceAll('&#x27;', "'");
};

describe('schedule trigger inspector', () => {
  it('lists the next three fire times in the trigger’s zone', () => {
    const html = render({ cron: '0 7 * * 1-5', timeZone: 'America/Chicago' });
    expect(html).toContain('Next runs once deployed');
    // Formatted in the reader's locale; 7:00 in Chicago whatever the locale.
    expect(html.match(/<li>[^<]*7:00[^<]*<\/li>/g)).toHaveLength(3);
    expect(html).not.toContain('role="alert"');
  });

  it('names the bad cron field, and an unknown time zone, without listing times', () => {
    expect(render({ cron: '61 7 * * *' })).toContain('the minute must be 0-59, not 61');
    const zone = render({ cron: '0 7 * * *', timeZone: 'Mars/Olympus_Mons' });
    expect(zone).toContain("'Mars/Olympus_Mons' is not a time zone");
    expect(zone).not.toContain('Next runs once deployed');
  });
});
