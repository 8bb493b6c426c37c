// Mapping suggestions. The provider is swappable so a deployment can plug in an LLM on the server;
// the default is the offline heuristic. Suggestions are only returned, never applied here.
import { z } from 'zod';
import { heuristicSuggester } from '../../../components/mapping/suggest-heuristic';
import type { SuggestionProvider } from '../../../components/mapping/suggest-types';
import { roleProcedure, ROLES, router } from '../../trpc';
import { userFacing } from './errors';

let provider: SuggestionProvider = heuristicSuggester;

/** Replaces the suggestion provider (e.g. an LLM-backed one) for this server process. */
export function setSuggestionProvider(p: SuggestionProvider): void {
  provider = p;
}

const path = z.string().min(1).max(300);
const label = z.string().max(200);
const type = z.string().max(40);

export const mappingRouter = router({
  suggest: roleProcedure(...ROLES.build)
    .input(
      z.object({
        sources: z.array(z.object({ path, label, type, sample: z.unknown().optional() }).strict()).max(2000),
        targets: z.array(z.object({ path, label, type, required: z.boolean(), description: z.string().max(1000).optional() }).strict()).max(1000),
        mapped: z.array(path).max(1000),
      }).strict(),
    )
    .query(({ input }) => userFacing(async () => ({ provider: provider.id, suggestions: await provider.suggest(input) }))),
});
