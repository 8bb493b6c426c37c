// `pnpm db:seed`: seeds the demo workspace into DATABASE_URL (conduit start does this for you).
import { createDb, createSecretBox } from '@conduit/db';
import { seedDemo } from '@conduit/db/tools';

const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://conduit:conduit@127.0.0.1:5432/conduit';
const keys = process.env.CONDUIT_SECRET_KEYS;
if (!keys) {
  console.error('CONDUIT_SECRET_KEYS is not set; set it (see README, Configuration) so seeded secrets can be encrypted.');
  process.exit(1);
}
const db = createDb({ databaseUrl });
await seedDemo(db, {
  secrets: createSecretBox(keys),
  streak: { baseUrl: process.env.STREAK_BASE_URL ?? 'http://127.0.0.1:4010/api', apiKey: process.env.STREAK_API_KEY ?? '' },
  sage100: { baseUrl: process.env.SAGE100_GATEWAY_URL ?? 'http://127.0.0.1:4020', token: process.env.SAGE100_GATEWAY_TOKEN ?? '', company: 'ABC' },
});
await db.$disconnect();
console.log('demo workspace seeded');
