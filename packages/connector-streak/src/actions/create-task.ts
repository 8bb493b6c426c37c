// Streak has no dedupe for tasks: with the step's idempotency key the task text carries a reference line and
// a retry returns the task an earlier attempt saved (own-write.ts).
import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { taskSchema, toTask } from '../model/records';
import { boxKeyInput, dateInput, emailsInput } from './common';
import { findOwnWrite, withRef } from './own-write';

export const createTask = defineAction({
  key: 'createTask',
  title: 'Create task',
  description: 'Creates a task on a box, optionally due at a time and assigned to people.',
  input: z.object({ boxKey: boxKeyInput, text: z.string().min(1), dueDate: dateInput.optional(), assignees: emailsInput.optional() }),
  output: taskSchema,
  idempotent: false,
  run: async ({ http, input, idempotencyKey }) => {
    const saved = idempotencyKey ? findOwnWrite(await streakApi.listTasks(http, input.boxKey), (t) => t.text, idempotencyKey) : undefined;
    if (saved) return toTask(saved);
    const assignees = input.assignees?.map((email) => ({ email }));
    // The spec names the assignee list `assignedTo`; live integrations send `assignedToSharingEntries`. Send both.
    const body = { text: withRef(input.text, idempotencyKey), ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}), ...(assignees ? { assignedTo: assignees, assignedToSharingEntries: assignees } : {}) };
    return toTask(await streakApi.createTask(http, input.boxKey, body));
  },
});
