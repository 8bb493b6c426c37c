// Values the Vitest global setup (packages/devstack/src/test/global-setup.ts) provides to every test file.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    temporalTestServerPath: string;
    temporalCliPath: string;
  }
}
