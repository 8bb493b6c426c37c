// How workflow code reaches activities. Connector calls are local activities: they are short HTTP calls,
// and running them in the workflow task saves two server round trips per step. Retries follow the
// node's retry policy; rate-limit delays come from the activity's failure (nextRetryDelay).
import { type ActivityOptions, type LocalActivityOptions, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Retry } from '@conduit/flow/runtime';
import type { Activities } from '../activities';

export const DEFAULT_RETRY: Retry = { maxAttempts: 12, initialIntervalMs: 500, backoffCoefficient: 2, maximumIntervalMs: 60_000 };

const NON_RETRYABLE = ['PermanentError', 'MappingError'];

export function connectorActivities(options: { retry?: Retry; timeoutMs?: number }) {
  const r = { ...DEFAULT_RETRY, ...options.retry };
  const opts: LocalActivityOptions = {
    startToCloseTimeout: options.timeoutMs ?? 30_000,
    retry: {
      maximumAttempts: r.maxAttempts,
      initialInterval: r.initialIntervalMs ?? 500,
      backoffCoefficient: r.backoffCoefficient ?? 2,
      maximumInterval: r.maximumIntervalMs ?? 60_000,
      nonRetryableErrorTypes: NON_RETRYABLE,
    },
  };
  return { acts: proxyLocalActivities<Activities>(opts), maxAttempts: r.maxAttempts };
}

/** Bookkeeping (run history, approvals) retries until the database is back: losing a record is worse than waiting. */
const bookkeepingOptions: LocalActivityOptions = {
  startToCloseTimeout: 30_000,
  retry: { initialInterval: 200, backoffCoefficient: 2, maximumInterval: 30_000 },
};
export const bookkeeping = proxyLocalActivities<Activities>(bookkeepingOptions);

export const NOTIFY_ATTEMPTS = 10;
const notifyOptions: ActivityOptions = { startToCloseTimeout: 60_000, retry: { maximumAttempts: NOTIFY_ATTEMPTS, nonRetryableErrorTypes: NON_RETRYABLE } };
export const messaging = proxyActivities<Activities>(notifyOptions);
/** Approval e-mails give up sooner: the approval waits in the inbox either way. */
export const approvalMail = proxyActivities<Activities>({ ...notifyOptions, retry: { ...notifyOptions.retry, maximumAttempts: 3 } });
