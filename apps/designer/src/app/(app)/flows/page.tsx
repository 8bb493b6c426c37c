import { serverCaller } from '../../../server/caller';
import { FlowList } from './flow-list';

export default async function FlowsPage() {
  const caller = await serverCaller();
  const [environments, templates, me] = await Promise.all([caller.environments.list(), caller.flows.templates(), caller.me.get()]);
  return (
    <div className="p-8">
      <FlowList environments={environments.map((e) => ({ key: e.key, name: e.name }))} templates={templates} canBuild={['owner', 'admin', 'builder'].includes(me.role)} />
    </div>
  );
}
