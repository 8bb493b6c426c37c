'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { BarsChart, Ring, TimeSeriesChart } from '../../../components/operate/charts';
import { EnvSelect } from '../../../components/operate/env-select';
import { Card, ErrorNote, PageHeader } from '../../../components/operate/page-header';
import { inputClass } from '../../../components/ui/field';
import { useTRPC } from '../../../lib/trpc';

type Range = '1h' | '24h' | '7d';

function Tile({
  label,
  value,
  href,
  testId,
}: {
  label: string;
  value: string | number;
  href?: string;
  testId: string;
}) {
  const body = (
    <>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-2xl font-semibold" data-testid={testId}>
        {value}
      </div>
    </>
  );
  return href ? (
    <Link href={href} className="rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-500">
      {body}
    </Link>
  ) : (
    <div className="rounded-xl border border-slate-200 bg-white p-4">{body}</div>
  );
}

export default function DashboardPage() {
  const trpc = useTRPC();
  const [environmentId, setEnvironmentId] = useState<string>();
  const [range, setRange] = useState<Range>('24h');
  const stats = useQuery({
    ...trpc.dashboard.get.queryOptions(
      { environmentId: environmentId ?? '', range },
      { refetchInterval: 30_000 },
    ),
    enabled: Boolean(environmentId),
  });
  const d = stats.data;
  return (
    <div className="space-y-5 p-8">
      <PageHeader
        title="Dashboard"
        description="How flows are doing in one environment."
        actions={
          <>
            <EnvSelect value={environmentId} onChange={setEnvironmentId} required />
            <select
              aria-label="Time range"
              className={`${inputClass} w-auto`}
              value={range}
              onChange={(e) => setRange(e.target.value as Range)}
              data-testid="range-select"
            >
              <option value="1h">Last hour</option>
              <option value="24h">Last 24 hours</option>
              <option value="7d">Last 7 days</option>
            </select>
            <Link href="/alerts" className="text-sm text-brand-700 hover:underline">
              Alerts →
            </Link>
          </>
        }
      />
      <ErrorNote error={stats.error} />
      {d && (
        <>
          <div className="grid gap-4 md:grid-cols-4">
            <Tile label="Runs per minute" value={d.runsPerMinute.toFixed(2)} testId="stat-rpm" />
            <div className="flex items-center gap-3 rounded-xl border border-slate-200 bg-white p-4">
              <Ring ratio={d.successRate} label="Success rate" />
              <div className="text-xs text-slate-500">Success rate</div>
            </div>
            <Tile
              label="Dead-letter backlog"
              value={d.deadLetterBacklog}
              href="/dead-letters"
              testId="stat-backlog"
            />
            <Tile
              label="Approvals waiting"
              value={d.approvalsWaiting}
              href="/approvals"
              testId="stat-approvals"
            />
          </div>
          <Card title={`Runs per ${d.bucket} (failed in red)`}>
            <TimeSeriesChart points={d.series} label="Runs over time" />
          </Card>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card title="Latency per flow (p50 / p95)">
              <BarsChart
                testId="chart-latency"
                label="Latency per flow"
                unit="ms"
                bars={d.perFlow.map((f) => ({
                  label: f.name,
                  values: [
                    { name: 'p50', value: f.p50 ?? 0, color: '#60a5fa' },
                    { name: 'p95', value: f.p95 ?? 0, color: '#1d4ed8' },
                  ],
                }))}
              />
            </Card>
            <Card title="Failures by reason">
              <BarsChart
                testId="chart-failures"
                label="Failures by reason"
                unit=""
                bars={d.failures.map((f) => ({
                  label: f.reasonCode,
                  values: [{ name: 'dead letters', value: f.count, color: '#f87171' }],
                }))}
              />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
