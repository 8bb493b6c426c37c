// Runtime surface: the Prisma client, secrets and password hashing. Node-only tooling (migrations,
// drift check, test databases, seed) lives in ./tools so bundlers of the designer never see it.
export { createDb, type Db } from './client';
export * from './generated/prisma/client';
export { createSecretBox, generateSecretKey, parseKeyring, SecretKeyError, type SecretBox } from './secrets';
export { checkDatabase, parseDatabaseUrl, redactUrl, DatabaseConfigError } from './database-url';
export { hashPassword, verifyPassword } from './passwords';
