// The fault suite's table: what was injected, then what was found.
import type { ChaosLog, ChaosPlan } from './chaos';
import type { ProxyCounts } from './proxy';
import type { Findings } from './reconcile';

export interface Report {
  form: string;
  startedAt: Date;
  plan: ChaosPlan;
  rates: { errorRate: number; timeoutRate: number };
  streak: ProxyCounts;
  sage: ProxyCounts;
  paths: { streak: Map<string, number>; sage: Map<string, number> };
  commitTimeouts: number;
  workerStarts: number;
  chaosLog: ChaosLog[];
  findings: Findings;
  cpu: { stack: number; workersAndSuite: number };
  events: number;
}

const row = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');

export function printReport(r: Report): void {
  const side = (c: ProxyCounts) => `${c['5xx before']}+${c['5xx after']} 5xx, ${c['timeout before']}+${c['timeout after']} timeouts, ${c['429']} 429s, ${c.forwarded} clean`;
  const pg = r.chaosLog.find((l) => l.what.startsWith('PostgreSQL back'));
  const injected: Array<[string, string]> = [
    ['Closed-Won events', `${r.events}, each delivered twice (${r.findings.counts['deliveries retried']} deliveries retried after a non-200)`],
    ['worker SIGKILLs', `${r.workerStarts - 1} (restarted each time)`],
    ['PostgreSQL restart', pg ? `1 (${pg.what.replace('PostgreSQL back after ', '')})` : 'skipped'],
    ['gateway unreachable', `${r.plan.outageMs / 1000} s`],
    ['Streak API faults', `${side(r.streak)} (rates ${r.rates.errorRate * 100}% 5xx, ${r.rates.timeoutRate * 100}% timeouts; before+after the remote processed)`],
    ['Sage gateway faults', side(r.sage)],
    ['Sage timeout after commit', `${r.commitTimeouts} order writes`],
  ];
  const found: Array<[string, string]> = r.findings.checks.map((c) => [`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}`, c.detail]);
  const w = [34, 0];
  console.log(`\nFault suite, ${r.form} form (${r.startedAt.toISOString()})`);
  console.log(row(['injected', ''], w));
  for (const [k, v] of injected) console.log(row([`  ${k}`, v], w));
  console.log(row(['found', ''], w));
  for (const [k, v] of found) console.log(row([`  ${k}`, v], w));
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`requests on the wire, Streak: ${top(r.paths.streak)}`);
  console.log(`requests on the wire, Sage: ${top(r.paths.sage)}`);
  console.log(`CPU: stack ${r.cpu.stack.toFixed(0)} s, workers + suite ${r.cpu.workersAndSuite.toFixed(0)} s (${(((r.cpu.stack + r.cpu.workersAndSuite) * 1000) / r.events).toFixed(0)} ms per event)`);
  const failed = r.findings.checks.filter((c) => !c.ok).length;
  console.log(failed ? `${failed} of ${r.findings.checks.length} checks FAILED` : `all ${r.findings.checks.length} checks passed`);
}
