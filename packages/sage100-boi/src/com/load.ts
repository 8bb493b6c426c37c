// Loads a Windows-only native module on demand, so nothing here is a dependency elsewhere.
import { createRequire } from 'node:module';

export function loadWindowsModule<T>(name: string): T {
  if (process.platform !== 'win32') throw new Error(`The Sage 100 COM binding runs only on Windows beside a Sage 100 install (${name} is unavailable here); use the emulator.`);
  return createRequire(import.meta.url)(name) as T;
}
