// Streak has no dedupe for this create, so it is declared non-idempotent.
import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { meetingSchema, toMeeting } from '../model/records';
import { boxKeyInput, dateInput, hints } from './common';

export const logMeeting = defineAction({
  key: 'logMeeting',
  title: 'Log call or meeting',
  description: 'Records a call log or meeting notes on a box.',
  input: z.object({
    boxKey: boxKeyInput,
    meetingType: z.enum(['CALL_LOG', 'MEETING_NOTES']).default('CALL_LOG'),
    start: dateInput.meta({ title: 'Started at' }),
    durationMinutes: z.number().min(0).optional(),
    notes: z.string().optional(),
  }),
  output: meetingSchema,
  idempotent: false,
  ui: { fields: { notes: hints.notes } },
  run: async ({ http, input }) => {
    const body = {
      meetingType: input.meetingType,
      startTimestamp: input.start,
      ...(input.durationMinutes !== undefined ? { duration: Math.round(input.durationMinutes * 60_000) } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
    };
    return toMeeting(await streakApi.createMeeting(http, input.boxKey, body));
  },
});
