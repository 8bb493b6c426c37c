// Public surface of @conduit/streak-sandbox.
export { startSandbox, type Sandbox, type SandboxOptions } from './server';
export {
  sandboxControl,
  type SandboxControl,
  type SandboxInfo,
  type Delivery,
  type Faults,
} from './control-client';
export { DEMO_API_KEY, DEMO_USERS, DEMO_TEAM_NAME } from './seed/identity';
export { DEMO_STAGES, DEMO_FIELDS } from './seed/demo';
export { demoSeed, type DemoSeed } from './seed/info';
export { DEMO_SCENARIOS, type DemoScenario } from './seed/scenarios';
export { PIPELINE_EVENTS, TEAM_EVENTS, type WebhookEvent } from './webhooks/events';
