// A small connector used by the kit's own tests: it talks to the fixture server like a real one would.
import { z } from 'zod';
import { defineConnector, kitFor } from '../builders';
import { headerValue, safeEqual } from '../webhook';

const auth = z.object({ apiKey: z.string().min(1), baseUrl: z.string().url(), allowPrivateHost: z.boolean().default(false) });
type EchoAuth = z.output<typeof auth>;
const { defineAction, defineTrigger } = kitFor<EchoAuth>();

const item = z.object({ id: z.string(), name: z.string() });

export const echoConnector = defineConnector<EchoAuth>({
  id: 'echo',
  version: '1',
  title: 'Echo',
  auth: {
    schema: auth,
    test: async ({ http }) => http.json<{ name: string }>({ path: '/me' }),
  },
  http: (a) => ({ baseUrl: a.baseUrl, connector: 'Echo', headers: { authorization: `Bearer ${a.apiKey}` }, allowPrivateHost: a.allowPrivateHost, retry: { maxAttempts: 1 } }),
  pickers: { folders: async ({ params }) => [{ value: `f-${String(params.parent)}`, label: 'Folder' }] },
  discover: async () => ({ entities: [{ key: 'item', kind: 'item', title: 'Item', operations: ['read'], fields: [{ key: 'name', label: 'Name', type: 'string', path: 'name' }] }] }),
  actions: [
    defineAction({
      key: 'createItem',
      title: 'Create item',
      description: 'Creates an item',
      input: z.object({ name: z.string().min(1), folder: z.string(), parent: z.string().optional() }),
      output: item,
      idempotent: 'key',
      ui: { fields: { folder: { label: 'Folder', picker: { source: 'folders', dependsOn: ['parent'] } } } },
      run: async ({ http, input, idempotencyKey }) => http.json({ method: 'POST', path: '/items', json: { ...input, ref: idempotencyKey } }),
    }),
    defineAction({
      key: 'brokenItem',
      title: 'Broken',
      description: 'Returns output that violates its schema',
      input: z.object({}),
      output: item,
      idempotent: true,
      run: async () => ({ id: 1 }) as unknown as { id: string; name: string },
    }),
  ],
  triggers: [
    defineTrigger({
      key: 'itemCreated',
      title: 'Item created',
      description: 'Fires per created item',
      config: z.object({ folder: z.string() }),
      output: item,
      webhook: {
        subscribe: async ({ http, targetUrl, token }) => ({ id: (await http.json<{ id: string }>({ method: 'POST', path: '/hooks', json: { targetUrl, token } })).id }),
        unsubscribe: async ({ http, subscription }) => {
          await http.request({ method: 'DELETE', path: `/hooks/${subscription.id}` });
        },
        verify: (delivery, { token }) => safeEqual(headerValue(delivery.headers, 'x-token'), token),
        events: ({ body }) => (body as Array<{ id: string; name: string }>).map((i) => ({ eventKey: i.id, payload: i })),
      },
    }),
  ],
});
