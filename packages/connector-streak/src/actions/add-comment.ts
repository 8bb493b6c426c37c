// Streak has no dedupe for this create, so it is declared non-idempotent.
import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { commentSchema, toComment } from '../model/records';
import { boxKeyInput } from './common';

export const addComment = defineAction({
  key: 'addComment',
  title: 'Add comment',
  description: 'Adds a comment to a box’s timeline.',
  input: z.object({ boxKey: boxKeyInput, message: z.string().min(1) }),
  output: commentSchema,
  idempotent: false,
  ui: { fields: { message: { label: 'Comment', widget: 'textarea' } } },
  run: async ({ http, input }) => toComment(await streakApi.addComment(http, input.boxKey, input.message)),
});
