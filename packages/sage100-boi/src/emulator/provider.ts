// The emulator behind the same BoiProvider interface as the COM binding.
import type { BoiProvider, BoiSession, SageConnection, SageReader } from '../types';
import type { Sage100Emulator } from './emulator';
import { EmulatorReader } from './reader';
import { EmulatorSession } from './session';

export function emulatorProvider(emu: Sage100Emulator): BoiProvider {
  return {
    kind: 'emulator',
    openSession: (): BoiSession => new EmulatorSession(emu),
    openReader: (connection: SageConnection): SageReader => new EmulatorReader(emu, connection),
    serverNow: () => emu.clock.local(),
  };
}
