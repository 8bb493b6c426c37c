// The emulator's clock: a base time source plus a controllable offset, and the Sage server's UTC offset.
export class EmulatorClock {
  private offsetMs = 0;

  constructor(
    private readonly source: () => Date = () => new Date(),
    /** Minutes east of UTC of the Sage server (stamps are server-local wall-clock time). */
    public utcOffsetMinutes = 0,
  ) {}

  now(): Date {
    return new Date(this.source().getTime() + this.offsetMs);
  }

  /** Server-local wall-clock time, carried in the UTC fields of the Date. */
  local(): Date {
    return new Date(this.now().getTime() + this.utcOffsetMinutes * 60_000);
  }

  set(at: Date): void {
    this.offsetMs = at.getTime() - this.source().getTime();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Back to the base time source. */
  reset(): void {
    this.offsetMs = 0;
  }
}
