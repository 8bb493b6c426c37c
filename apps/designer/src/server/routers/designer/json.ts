import type { Prisma } from '@conduit/db';

/** Prisma's Json input type does not accept zod-inferred object types; they are plain JSON by construction. */
export const asJson = (v: object): Prisma.InputJsonValue => v as Prisma.InputJsonValue;
