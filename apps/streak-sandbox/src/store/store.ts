// The sandbox's whole world: one State object, mutated only by route handlers after they have
// validated everything (so a rejected request never leaves a half-applied change behind).
import { malformedKey, notFound } from '../http/errors';
import { cryptoBytes, isWellFormedKey, mintKey, type RandomBytes } from './keys';
import { emptyState, type State } from './types';

export type Collection =
  | 'users'
  | 'apiKeys'
  | 'teams'
  | 'pipelines'
  | 'boxes'
  | 'contacts'
  | 'orgs'
  | 'tasks'
  | 'comments'
  | 'meetings'
  | 'webhooks';

const KIND: Record<Collection, string> = {
  users: 'User',
  apiKeys: 'ApiKey',
  teams: 'Team',
  pipelines: 'Workflow',
  boxes: 'Case',
  contacts: 'Contact',
  orgs: 'Organization',
  tasks: 'Task',
  comments: 'Comment',
  meetings: 'Meeting',
  webhooks: 'Webhook',
};

export class Store {
  state: State = emptyState();
  /** Bumped on every change; derived caches compare against it. */
  version = 0;
  private readonly memos = new Map<string, { version: number; value: unknown }>();

  constructor(
    readonly now: () => number,
    private readonly onChange: () => void,
    private bytes: RandomBytes = cryptoBytes,
  ) {}

  newKey(collection: Collection): string {
    return mintKey(KIND[collection], this.bytes);
  }

  /** Resolve a key from a URL or body: malformed → 400, unknown → 404 (Streak's two failure modes). */
  find<C extends Collection>(collection: C, key: string | undefined): State[C][string] {
    if (!key || !isWellFormedKey(key)) throw malformedKey();
    const found = this.state[collection][key];
    if (!found) throw notFound();
    return found as State[C][string];
  }

  changed(): void {
    this.version++;
    this.onChange();
  }

  replace(state: State, bytes?: RandomBytes): void {
    this.state = state;
    if (bytes) this.bytes = bytes;
    this.changed();
  }

  useBytes(bytes: RandomBytes): void {
    this.bytes = bytes;
  }

  /** Cache a value derived from the whole state until the next change. */
  memo<T>(name: string, compute: () => T): T {
    const hit = this.memos.get(name);
    if (hit && hit.version === this.version) return hit.value as T;
    const value = compute();
    this.memos.set(name, { version: this.version, value });
    return value;
  }
}
