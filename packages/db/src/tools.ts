export { migrate, loadMigrations, MigrationError, type MigrateResult } from './migrate';
export { findSchemaDrift } from './schema-drift';
export { prepareTemplateDatabase, createTestDatabase, createEmptyDatabase, adminUrl, type TestDatabase } from './test-database';
export { repoRoot, schemaPath, migrationsDir } from './paths';
export { seedDemo, DEMO_PASSWORD, DEMO_USERS, DEMO_ENVIRONMENTS, type DemoSeedOptions } from './seed';
