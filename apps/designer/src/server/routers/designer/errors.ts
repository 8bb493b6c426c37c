// Turns the coded errors from below the routers (connector errors, stored-connection problems) into
// tRPC errors whose message tells the user what to do.
import { ConnectorError } from '@conduit/connector-kit';
import { TRPCError } from '@trpc/server';
import { StoredConnectionError } from './catalog/connectors';

export function toTrpcError(err: unknown): TRPCError {
  if (err instanceof TRPCError) return err;
  if (err instanceof StoredConnectionError) return new TRPCError({ code: err.code === 'not_found' ? 'NOT_FOUND' : 'PRECONDITION_FAILED', message: err.message, cause: err });
  if (err instanceof ConnectorError) {
    const hint = err.type === 'PermanentError' ? ' Check the connection settings and the values you picked.' : ' The service may be busy; try again in a moment.';
    return new TRPCError({ code: err.type === 'PermanentError' ? 'BAD_REQUEST' : 'SERVICE_UNAVAILABLE', message: `${err.message}.${hint}`.replace('..', '.'), cause: err });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on the server; try again, and tell an admin if it keeps happening.', cause: err });
}

/** Runs `fn`, rethrowing anything as a user-facing tRPC error. */
export async function userFacing<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toTrpcError(err);
  }
}
