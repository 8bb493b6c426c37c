// Turns the coded errors of the layers below (engine actions, deployments) into tRPC errors.
import { DeployError } from '@conduit/engine/client';
import { TRPCError } from '@trpc/server';
import { ActionError } from '../../engine-actions';

export async function act<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ActionError || err instanceof DeployError) throw new TRPCError({ code: err.code, message: err.message, cause: err });
    throw err;
  }
}

export function notFound(what: string): never {
  throw new TRPCError({ code: 'NOT_FOUND', message: `${what} does not exist or is not in your workspace.` });
}
