import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { FlowEditor } from '../../../../components/flow-editor/flow-editor';
import { serverCaller } from '../../../../server/caller';

/** The flow page: everything the editor needs is loaded here in one server round trip. */
export default async function FlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(flowId)) notFound();
  const caller = await serverCaller();
  try {
    const [flow, catalog, me, environments] = await Promise.all([caller.flows.get({ id: flowId }), caller.catalog.get(), caller.me.get(), caller.environments.list()]);
    // Pickers, samples and test runs use the first unprotected environment (dev in the default setup).
    const environmentKey = environments.find((e) => !e.isProtected)?.key ?? 'dev';
    const connections = await caller.catalog.connections({ environmentKey });
    return (
      <FlowEditor
        flow={{ id: flow.id, name: flow.name, draft: flow.draft }}
        connectors={catalog.connectors}
        functions={catalog.functions}
        environmentKey={environmentKey}
        connections={connections}
        canBuild={['owner', 'admin', 'builder'].includes(me.role)}
      />
    );
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}
