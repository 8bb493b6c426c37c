import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ['@conduit/flow', '@conduit/mapping', '@conduit/connector-kit', '@conduit/connector-streak', '@conduit/connector-sage100', '@conduit/db', '@conduit/engine', '@conduit/templates', '@conduit/telemetry'],
  // Native or Node-only server libraries stay outside the bundle. OpenTelemetry and prom-client hold
  // process-wide state (the tracer provider, the metrics registry), so they are direct dependencies loaded once.
  serverExternalPackages: ['@temporalio/client', '@temporalio/common', '@grpc/grpc-js', 'pg', '@prisma/adapter-pg', 'bcryptjs', '@prisma/prisma-schema-wasm', 'prom-client', '@opentelemetry/api', '@opentelemetry/sdk-trace-base', '@opentelemetry/context-async-hooks', '@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/resources', '@temporalio/interceptors-opentelemetry'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default config;
