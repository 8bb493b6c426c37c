import { serverCaller } from '../../../server/caller';

export default async function FlowsPage() {
  const flows = await (await serverCaller()).flows.list();
  return (
    <div className="p-8">
      <header className="mb-6 flex items-center justify-between">
        <div>
          <h1 className="text-2xl font-semibold">Flows</h1>
          <p className="text-sm text-slate-500">Draw how deals, orders, customers and payments move between Streak and Sage 100.</p>
        </div>
      </header>
      {flows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center" data-testid="flows-empty">
          <h2 className="font-medium">No flows yet</h2>
          <p className="mt-1 text-sm text-slate-500">Start from a template such as “Closed-Won → Sales Order”, or draw one from scratch.</p>
        </div>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="flows-list">
          {flows.map((f) => (
            <li key={f.id} className="flex items-center justify-between px-4 py-3">
              <div>
                <div className="font-medium">{f.name}</div>
                <div className="text-xs text-slate-500">{f.description}</div>
              </div>
              <div className="text-xs text-slate-500">{f._count.versions} versions</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
