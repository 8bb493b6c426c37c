// The designer's handle on the engine: the same DB, secrets and Temporal client its routes use.
import type { ActionDeps, IngressDeps } from '@conduit/engine/client';
import { db, secrets } from './db';
import { temporal } from './temporal';

export function ingressDeps(): IngressDeps {
  return { db: db(), secrets: secrets(), temporal };
}

export function actionDeps(): ActionDeps {
  return { db: db(), temporal };
}
