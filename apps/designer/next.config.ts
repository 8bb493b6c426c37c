import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ['@conduit/flow', '@conduit/mapping', '@conduit/connector-kit', '@conduit/connector-streak', '@conduit/connector-sage100', '@conduit/db', '@conduit/engine', '@conduit/templates'],
  // Native or Node-only server libraries stay outside the bundle.
  serverExternalPackages: ['@temporalio/client', '@temporalio/common', '@grpc/grpc-js', 'pg', '@prisma/adapter-pg', 'bcryptjs', '@prisma/prisma-schema-wasm'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default config;
