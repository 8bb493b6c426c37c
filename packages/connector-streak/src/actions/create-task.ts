// Streak has no dedupe for task creation, so it is declared non-idempotent.
import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { taskSchema, toTask } from '../model/records';
import { boxKeyInput, dateInput, emailsInput } from './common';

export const createTask = defineAction({
  key: 'createTask',
  title: 'Create task',
  description: 'Creates a task on a box, optionally due at a time and assigned to people.',
  input: z.object({ boxKey: boxKeyInput, text: z.string().min(1), dueDate: dateInput.optional(), assignees: emailsInput.optional() }),
  output: taskSchema,
  idempotent: false,
  run: async ({ http, input }) => {
    const assignees = input.assignees?.map((email) => ({ email }));
    // The spec names the assignee list `assignedTo`; live integrations send `assignedToSharingEntries`. Send both.
    const body = { text: input.text, ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}), ...(assignees ? { assignedTo: assignees, assignedToSharingEntries: assignees } : {}) };
    return toTask(await streakApi.createTask(http, input.boxKey, body));
  },
});
