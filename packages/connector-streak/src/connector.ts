// The Streak connector declaration: auth, actions, triggers, pickers and discovery in one place.
import { defineConnector } from '@conduit/connector-kit';
import { type StreakAuth, streakAuthSchema, streakHttp } from './auth';
import { streakApi } from './api/streak';
import { addComment } from './actions/add-comment';
import { createBox } from './actions/create-box';
import { createTask } from './actions/create-task';
import { findBoxes } from './actions/find-boxes';
import { getBox } from './actions/get-box';
import { getParties } from './actions/get-parties';
import { linkToBox } from './actions/link-to-box';
import { listBoxes } from './actions/list-boxes';
import { logMeeting } from './actions/log-meeting';
import { setFieldValue } from './actions/set-field-value';
import { updateBox } from './actions/update-box';
import { upsertContact } from './actions/upsert-contact';
import { upsertOrganization } from './actions/upsert-organization';
import { discoverStreak } from './discover';
import { streakPickers } from './pickers';
import { streakTriggers } from './triggers';

export const streakConnector = defineConnector<StreakAuth>({
  id: 'streak',
  version: '1',
  title: 'Streak',
  description: 'Streak CRM (boxes, contacts, organizations, tasks, comments) through its REST API.',
  auth: {
    schema: streakAuthSchema,
    test: async ({ http }) => {
      const me = await streakApi.me(http);
      return { id: me.key, name: me.displayName ? `${me.displayName} <${me.email}>` : me.email };
    },
    ui: { fields: { apiKey: { label: 'API key', widget: 'password' }, baseUrl: { advanced: true }, allowPrivateHost: { advanced: true } } },
  },
  http: streakHttp,
  actions: [getBox, getParties, findBoxes, listBoxes, createBox, updateBox, setFieldValue, upsertContact, upsertOrganization, linkToBox, addComment, createTask, logMeeting],
  triggers: streakTriggers,
  pickers: streakPickers,
  discover: discoverStreak,
});
