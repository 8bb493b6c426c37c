// How an approval's summary is shown: the deal, the order the flow will create, and when it escalates
// or expires. The engine writes `{ trigger, steps }` (the Streak box and each step's output so far);
// a summary may also name `deal` and `order` directly.
import { JsonView } from '../../../components/operate/page-header';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

const money = (v: unknown, currency: unknown) =>
  typeof v === 'number'
    ? v.toLocaleString('en-US', {
        style: 'currency',
        currency: typeof currency === 'string' && currency ? currency : 'USD',
      })
    : String(v ?? '');

/** "Acme Corp — $25,000.00" when the summary has a deal name and amount. */
/** The deal: `deal`, else the Streak box that triggered the run. */
function dealOf(summary: unknown): Obj {
  const s = obj(summary);
  return obj(s.deal ?? s.trigger);
}

/** The order preview: `order`, else the latest step output (e.g. the map step that built the order). */
function orderOf(summary: unknown): { order: Obj; from: string | null } {
  const s = obj(summary);
  if (s.order) return { order: obj(s.order), from: null };
  const steps = Object.entries(obj(s.steps)).filter(
    ([id, out]) => id !== 'trigger' && Object.keys(obj(out)).length > 0,
  );
  const last = steps[steps.length - 1];
  return last ? { order: obj(last[1]), from: last[0] } : { order: {}, from: null };
}

export function dealLine(summary: unknown): string | null {
  const deal = dealOf(summary);
  if (!deal.name) return null;
  return deal.amount === undefined
    ? String(deal.name)
    : `${String(deal.name)} — ${money(deal.amount, deal.currency)}`;
}

/** When it escalates (or to whom it did) and when it expires. */
export function Deadline({
  escalateAt,
  escalatedAt,
  escalatedTo,
  expiresAt,
}: {
  escalateAt: Date | null;
  escalatedAt: Date | null;
  escalatedTo: string[];
  expiresAt: Date | null;
}) {
  const now = Date.now();
  const fmt = (d: Date) => new Date(d).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <span className="flex gap-2 text-xs">
      {escalatedAt ? (
        <span className="font-medium text-amber-700" data-testid="approval-escalation">
          Escalated to {escalatedTo.join(', ')} · {fmt(escalatedAt)}
        </span>
      ) : (
        escalateAt && (
          <span className="text-slate-500" data-testid="approval-escalation">
            Escalates {fmt(escalateAt)}
          </span>
        )
      )}
      {expiresAt && (
        <span
          className={new Date(expiresAt).getTime() < now ? 'font-medium text-red-700' : 'text-slate-500'}
          data-testid="approval-expiry"
        >
          {new Date(expiresAt).getTime() < now ? 'Expired' : 'Expires'} {fmt(expiresAt)}
        </span>
      )}
    </span>
  );
}

/** Streak timestamps are epoch milliseconds; show them as dates. */
const show = (key: string, v: unknown) =>
  typeof v === 'number' && /Timestamp$/.test(key)
    ? new Date(v).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })
    : String(v ?? '—');

function Table({ value }: { value: Obj }) {
  return (
    <dl className="grid min-w-0 grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      {Object.entries(value)
        .filter(([, v]) => typeof v !== 'object' || v === null)
        .map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="font-medium break-all">{show(k, v)}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Deal facts, then the mapped order with its lines; anything else as JSON. */
export function ApprovalSummary({ summary }: { summary: unknown }) {
  const deal = dealOf(summary);
  const { order, from } = orderOf(summary);
  const lines = Array.isArray(order.lines) ? (order.lines as Obj[]) : [];
  return (
    <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div data-testid="approval-deal">
        <h3 className="mb-2 text-sm font-semibold">Deal (Streak)</h3>
        {Object.keys(deal).length ? (
          <Table value={deal} />
        ) : (
          <p className="text-sm text-slate-500">No deal details.</p>
        )}
      </div>
      <div data-testid="approval-order">
        <h3 className="mb-2 text-sm font-semibold">
          Sales order preview (Sage 100)
          {from && <span className="font-normal text-slate-500"> · from step {from}</span>}
        </h3>
        {Object.keys(order).length ? (
          <Table value={order} />
        ) : (
          <p className="text-sm text-slate-500">No order preview.</p>
        )}
        {lines.length > 0 && (
          <table className="mt-2 w-full text-left text-xs">
            <thead className="text-slate-500">
              <tr>
                {Object.keys(lines[0]!).map((k) => (
                  <th key={k} className="py-1 pr-2 font-medium">
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={i} className="border-t border-slate-100">
                  {Object.values(l).map((v, j) => (
                    <td key={j} className="py-1 pr-2">
                      {String(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <details className="md:col-span-2">
        <summary className="cursor-pointer text-xs text-slate-500">Everything the run knows so far</summary>
        <JsonView value={summary} />
      </details>
    </div>
  );
}
