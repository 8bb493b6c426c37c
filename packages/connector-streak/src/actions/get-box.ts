import { z } from 'zod';
import { defineAction } from '../auth';
import { StreakSession } from '../model/session';
import { boxSchema } from '../model/records';
import { boxKeyInput } from './common';

export const getBox = defineAction({
  key: 'getBox',
  title: 'Get box',
  description: 'Reads one box by its key, with stage name and field labels.',
  input: z.object({ boxKey: boxKeyInput }),
  output: boxSchema,
  idempotent: true,
  run: async ({ http, input }) => new StreakSession(http).box(input.boxKey),
});
