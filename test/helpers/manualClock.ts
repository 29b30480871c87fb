import { Clock } from '../../src/excel/clock';

/**
 * A clock that moves only when a test says: the live checker's debounce, quiet window and retries
 * fire in order and at once, instead of after real waits that a busy machine stretches.
 */
export class ManualClock implements Clock {
  private time = 0;
  private lastId = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  /** settle: lets the work a timer started finish (the in-memory workbook's events and syncs). */
  constructor(private readonly settle: () => Promise<void>) {}

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    this.timers.set(++this.lastId, { at: this.time + Math.max(0, ms), fn });
    return this.lastId;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time on by `ms`, running each timer that falls due in order and letting its work finish. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await this.settle();
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= end).sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
      await this.settle();
    }
    this.time = end;
  }
}

/** Waits until the in-memory workbook has delivered its events and the promises they started have run. */
export async function settled(host: { flushEvents(): Promise<void> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await host.flushEvents();
    await new Promise((r) => setImmediate(r));
  }
}
