// Where the browser tests put the screenshots the docs show: docs/img when asked to refresh them
// (CONDUIT_UPDATE_DOC_IMAGES=1), otherwise the test results, so an ordinary test run leaves the tree clean.
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export const docImage = (name: string): string =>
  process.env.CONDUIT_UPDATE_DOC_IMAGES === '1' ? `${repo}/docs/img/${name}.png` : `${repo}/.conduit/test-results/doc-images/${name}.png`;
