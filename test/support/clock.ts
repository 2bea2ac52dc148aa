/** A clock tests move by hand; structurally matches the engine's and server's Clock. */
export class FakeClock {
  private current: number;

  constructor(start: Date | string = '2026-03-02T08:00:00+07:00') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }

  advanceDays(days: number): Date {
    return this.advance(days * 86_400_000);
  }
}
