// Per-run lookups shared by a Streak action: pipelines (fetched once per run) and the team to use.
import { type HttpClient, PermanentError } from '@conduit/connector-kit';
import { streakApi } from '../api/streak';
import type { WireBox } from '../api/wire';
import { FieldSet } from './fields';
import { Pipeline } from './pipeline';
import { type Box, toBox } from './records';

export class StreakSession {
  readonly http: HttpClient;
  readonly #pipelines = new Map<string, Promise<Pipeline>>();

  constructor(http: HttpClient) {
    this.http = http;
  }

  pipeline(key: string): Promise<Pipeline> {
    let p = this.#pipelines.get(key);
    if (!p) {
      p = streakApi.pipeline(this.http, key).then((w) => new Pipeline(w));
      this.#pipelines.set(key, p);
    }
    return p;
  }

  async box(key: string): Promise<Box> {
    return this.present(await streakApi.box(this.http, key));
  }

  /** A wire box with its pipeline's stage names and option labels. */
  async present(w: WireBox): Promise<Box> {
    return toBox(w, await this.pipeline(w.pipelineKey));
  }

  /** The given team, or the key's only/first team (contacts and organizations are team-scoped). */
  async teamKey(given: string | undefined): Promise<string> {
    if (given) return given;
    const [first] = await streakApi.teams(this.http);
    if (!first) throw new PermanentError('validation', { connector: 'Streak', subject: { type: 'team' }, message: 'Streak: this API key belongs to no team, so contacts and organizations cannot be written' });
    return first.key;
  }

  async teamFields(teamKey: string, kind: 'contact' | 'organization'): Promise<FieldSet> {
    const team = await streakApi.team(this.http, teamKey);
    const defs = (kind === 'contact' ? team.contactSettings : team.organizationSettings)?.fields ?? {};
    return new FieldSet({ type: `${kind} fields of team`, key: teamKey, name: team.name }, Object.values(defs));
  }
}
