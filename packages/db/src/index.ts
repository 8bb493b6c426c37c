export { createDb, type Db } from './client';
export * from './generated/prisma/client';
export { migrate, loadMigrations, MigrationError, type MigrateResult } from './migrate';
export { findSchemaDrift } from './schema-drift';
export { createSecretBox, generateSecretKey, parseKeyring, SecretKeyError, type SecretBox } from './secrets';
export { checkDatabase, parseDatabaseUrl, redactUrl, DatabaseConfigError } from './database-url';
export { hashPassword, verifyPassword } from './passwords';
export { prepareTemplateDatabase, createTestDatabase, createEmptyDatabase, adminUrl, type TestDatabase } from './test-database';
export { repoRoot, schemaPath, migrationsDir } from './paths';
