// Small dependency-free SVG charts for the dashboard: a stacked time series and horizontal bars.

export function TimeSeriesChart({
  points,
  label,
}: {
  points: Array<{ at: Date | string; total: number; failed: number }>;
  label: string;
}) {
  const W = 640;
  const H = 180;
  const max = Math.max(1, ...points.map((p) => p.total));
  const bw = points.length ? Math.max(2, W / points.length - 2) : 0;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H + 20}`}
        className="h-auto w-full"
        role="img"
        aria-label={label}
        data-testid="chart-runs"
      >
        <line x1={0} y1={H} x2={W} y2={H} stroke="#cbd5e1" />
        <text x={2} y={12} fontSize={10} fill="#64748b">
          {max}
        </text>
        {points.map((p, i) => {
          const x = (i * W) / Math.max(points.length, 1);
          const h = (p.total / max) * (H - 16);
          const hf = (p.failed / max) * (H - 16);
          return (
            <g key={String(p.at)}>
              <title>{`${new Date(p.at).toLocaleString()}: ${p.total} runs, ${p.failed} failed`}</title>
              <rect x={x} y={H - h} width={bw} height={h - hf} fill="#60a5fa" />
              <rect x={x} y={H - hf} width={bw} height={hf} fill="#f87171" />
            </g>
          );
        })}
        {points.length === 0 && (
          <text x={W / 2} y={H / 2} textAnchor="middle" fontSize={13} fill="#94a3b8">
            No runs in this time range
          </text>
        )}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-500">
        <span>
          <span className="mr-1 inline-block h-2 w-2 bg-blue-400" />
          succeeded or in progress
        </span>
        <span>
          <span className="mr-1 inline-block h-2 w-2 bg-red-400" />
          failed
        </span>
      </figcaption>
    </figure>
  );
}

export interface Bar {
  label: string;
  values: Array<{ value: number; color: string; name: string }>;
}

/** One row per label, one or more bars per row (e.g. p50 and p95 latency). */
export function BarsChart({
  bars,
  unit,
  label,
  testId,
}: {
  bars: Bar[];
  unit: string;
  label: string;
  testId: string;
}) {
  const max = Math.max(1, ...bars.flatMap((b) => b.values.map((v) => v.value)));
  const rowH = 18 * Math.max(1, bars[0]?.values.length ?? 1) + 18;
  const W = 640;
  const LABEL = 220;
  if (bars.length === 0) return <p className="text-sm text-slate-500">Nothing in this time range.</p>;
  return (
    <svg
      viewBox={`0 0 ${W} ${bars.length * rowH}`}
      className="h-auto w-full"
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      {bars.map((b, i) => (
        <g key={b.label} transform={`translate(0,${i * rowH})`}>
          <text x={0} y={16} fontSize={14} fill="#0f172a">
            {b.label.slice(0, 28)}
          </text>
          {b.values.map((v, j) => {
            const w = ((W - LABEL - 130) * v.value) / max;
            return (
              <g key={v.name} transform={`translate(${LABEL},${4 + j * 18})`}>
                <title>{`${b.label} ${v.name}: ${Math.round(v.value)} ${unit}`}</title>
                <rect width={Math.max(w, 1)} height={14} fill={v.color} rx={2} />
                <text x={w + 4} y={12} fontSize={13} fill="#475569">
                  {`${v.name} ${Math.round(v.value)} ${unit}`}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

/** A ring showing a ratio (success rate). */
export function Ring({ ratio, label }: { ratio: number | null; label: string }) {
  const r = 36;
  const c = 2 * Math.PI * r;
  const pct = ratio === null ? null : Math.round(ratio * 1000) / 10;
  return (
    <svg
      viewBox="0 0 100 100"
      className="h-28 w-28"
      role="img"
      aria-label={`${label}: ${pct === null ? 'no runs' : `${pct}%`}`}
      data-testid="chart-success"
    >
      <circle cx={50} cy={50} r={r} fill="none" stroke="#e2e8f0" strokeWidth={10} />
      {ratio !== null && (
        <circle
          cx={50}
          cy={50}
          r={r}
          fill="none"
          stroke={ratio >= 0.95 ? '#10b981' : ratio >= 0.8 ? '#f59e0b' : '#ef4444'}
          strokeWidth={10}
          strokeDasharray={`${c * ratio} ${c}`}
          transform="rotate(-90 50 50)"
        />
      )}
      <text x={50} y={55} textAnchor="middle" fontSize={16} fontWeight={600} fill="#0f172a">
        {pct === null ? '—' : `${pct}%`}
      </text>
    </svg>
  );
}
