// How an approval's summary (written by the engine's approval step) is shown: the deal, the order
// the flow will create, and when it escalates or expires.
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
export function dealLine(summary: unknown): string | null {
  const deal = obj(obj(summary).deal);
  if (!deal.name) return null;
  return deal.amount === undefined
    ? String(deal.name)
    : `${String(deal.name)} — ${money(deal.amount, deal.currency)}`;
}

export function Deadline({ escalateAt, expiresAt }: { escalateAt: Date | null; expiresAt: Date | null }) {
  const now = Date.now();
  const fmt = (d: Date) => new Date(d).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <span className="flex gap-2 text-xs">
      {escalateAt && (
        <span
          className={new Date(escalateAt).getTime() < now ? 'font-medium text-amber-700' : 'text-slate-500'}
          data-testid="approval-escalation"
        >
          {new Date(escalateAt).getTime() < now ? 'Escalated' : 'Escalates'} {fmt(escalateAt)}
        </span>
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

function Table({ value }: { value: Obj }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {Object.entries(value)
        .filter(([, v]) => typeof v !== 'object' || v === null)
        .map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="font-medium">{String(v ?? '—')}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Deal facts, then the mapped order with its lines; anything else as JSON. */
export function ApprovalSummary({ summary }: { summary: unknown }) {
  const s = obj(summary);
  const deal = obj(s.deal);
  const order = obj(s.order);
  const lines = Array.isArray(order.lines) ? (order.lines as Obj[]) : [];
  const rest = Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'deal' && k !== 'order'));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div data-testid="approval-deal">
        <h3 className="mb-2 text-sm font-semibold">Deal (Streak)</h3>
        {Object.keys(deal).length ? (
          <Table value={deal} />
        ) : (
          <p className="text-sm text-slate-500">No deal details.</p>
        )}
      </div>
      <div data-testid="approval-order">
        <h3 className="mb-2 text-sm font-semibold">Sales order preview (Sage 100)</h3>
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
      {Object.keys(rest).length > 0 && (
        <div className="md:col-span-2">
          <JsonView value={rest} />
        </div>
      )}
    </div>
  );
}
