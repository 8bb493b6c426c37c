// Streak has no dedupe for comments: with the step's idempotency key the comment carries a reference line
// and a retry returns the comment an earlier attempt saved (own-write.ts).
import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { commentSchema, toComment } from '../model/records';
import { boxKeyInput } from './common';
import { findOwnWrite, withRef } from './own-write';

export const addComment = defineAction({
  key: 'addComment',
  title: 'Add comment',
  description: 'Adds a comment to a box’s timeline. In a flow a retry never posts it twice (the comment ends with a short Conduit reference).',
  input: z.object({ boxKey: boxKeyInput, message: z.string().min(1) }),
  output: commentSchema,
  idempotent: false,
  ui: { fields: { message: { label: 'Comment', widget: 'textarea' } } },
  run: async ({ http, input, idempotencyKey }) => {
    const saved = idempotencyKey ? findOwnWrite(await streakApi.listComments(http, input.boxKey), (c) => c.message, idempotencyKey) : undefined;
    return toComment(saved ?? (await streakApi.addComment(http, input.boxKey, withRef(input.message, idempotencyKey))));
  },
});
