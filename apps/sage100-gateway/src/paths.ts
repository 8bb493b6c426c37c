// Where the emulator keeps its state by default: <repo root>/.conduit/data/sage100-emulator.json.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_DATA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../..', '.conduit/data/sage100-emulator.json');

/** The ledger lives beside the emulator data (on a real install: beside the agent). */
export const ledgerFileFor = (dataFile: string): string => dataFile.replace(/\.json$/, '') + '.ledger.json';
