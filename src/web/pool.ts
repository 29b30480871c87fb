import { CRASH_REASON, FILE_TIME_LIMIT_MS, timeoutReason } from '../read/result';
import type { Answer, Request } from './protocol';

/* global Blob, URL, Worker, document, navigator, setTimeout, clearTimeout, window */

// The web page's core, run in Web Workers made from the core's inlined source (a Blob URL: the page
// is one file, opened from disk or from any folder). A file is checked by one worker under a time
// limit; a worker that runs past it, or fails outside the core's own handling, is ended and the file
// is unreadable with the command's reason, the other files go on. When the browser refuses workers
// (some do from file://), the core runs in the page itself and the page says what it gave up.

export interface Core {
  /** What the page gave up (Chinese), when it runs without workers; null with workers. */
  readonly degraded: string | null;
  /** How many requests may run at once. */
  readonly parallel: number;
  /** The extensions the core reads, each with its dot. */
  readonly extensions: string[];
  ask(request: Request, transfer?: ArrayBuffer[]): Promise<Answer>;
  /** Ends every request under way (they answer `cancelled`). */
  cancel(): void;
  /** Ends the workers (the core is not used again). */
  close(): void;
}

interface Job {
  id: number;
  request: Request;
  transfer: ArrayBuffer[];
  resolve: (a: Answer) => void;
}

interface Slot {
  worker: Worker;
  /** It has loaded the core and answered (a file's time runs from then, not from the worker's start). */
  ready: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Why a request failed when its worker died: a check is unreadable with the command's reason. */
function deadAnswer(request: Request, reason: string): Answer {
  if (request.kind === 'check') return { kind: 'check', outcome: { file: request.name, results: [], unreadable: reason } };
  if (request.kind === 'lastYear') return { kind: 'lastYear', unreadable: reason };
  return { kind: 'failed', reason };
}

class WorkerCore implements Core {
  readonly degraded = null;
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly url: string,
    public parallel: number,
    private readonly timeLimitMs: number,
    readonly extensions: string[],
  ) {}

  ask(request: Request, transfer: ArrayBuffer[] = []): Promise<Answer> {
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, request, transfer, resolve });
      this.pump();
    });
  }

  cancel(): void {
    for (const job of this.waiting.splice(0)) job.resolve({ kind: 'cancelled' });
    for (const slot of [...this.slots]) if (slot.job) this.end(slot, { kind: 'cancelled' });
  }

  close(): void {
    this.cancel();
    this.parallel = 0;
    for (const slot of this.slots.splice(0)) slot.worker.terminate();
  }

  /** Takes the worker that answered the first ping, and starts the others before the first file (their start is not counted in a file's time). */
  warm(first: Worker): void {
    this.start(first);
    while (this.slots.length < this.parallel) this.start();
  }

  private start(started?: Worker): Slot {
    const slot: Slot = { worker: started ?? new Worker(this.url), ready: !!started, job: null, timer: null };
    slot.worker.onmessage = (e: MessageEvent<{ id: number; answer: Answer }>) => {
      if (e.data.id === 0) {
        slot.ready = true;
        this.pump();
        return;
      }
      const job = slot.job;
      if (!job || e.data.id !== job.id) return;
      this.settle(slot, e.data.answer);
      this.pump();
    };
    // An error the core did not catch (a reader's stack blown outside its try, memory…): this file only.
    slot.worker.onerror = (e) => {
      e.preventDefault();
      if (slot.job) this.end(slot, deadAnswer(slot.job.request, CRASH_REASON));
      else if (!slot.ready) {
        slot.worker.terminate();
        this.slots.splice(this.slots.indexOf(slot), 1);
      }
    };
    if (!started) slot.worker.postMessage({ id: 0, request: { kind: 'ping' } });
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, answer: Answer): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.resolve(answer);
  }

  /** Ends a slot's worker (a new one is started for the next request) and answers its request. */
  private end(slot: Slot, answer: Answer): void {
    slot.worker.terminate();
    this.slots.splice(this.slots.indexOf(slot), 1);
    this.settle(slot, answer);
    this.pump();
  }

  private pump(): void {
    while (this.slots.length < this.parallel) this.start();
    while (this.waiting.length) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      // Writing a template or a roll-up is the page's own work: only what a file holds is limited in time.
      if (job.request.kind === 'check' || job.request.kind === 'lastYear')
        slot.timer = setTimeout(() => this.end(slot, deadAnswer(job.request, timeoutReason(this.timeLimitMs))), this.timeLimitMs);
      slot.worker.postMessage({ id: job.id, request: job.request }, job.transfer);
    }
  }
}

/** The core in the page itself: no time limit, and the page is busy while a file is read. */
class PageCore implements Core {
  readonly parallel = 1;
  private generation = 0;

  constructor(
    private readonly handle: (r: Request) => Promise<Answer>,
    readonly degraded: string,
    readonly extensions: string[],
  ) {}

  async ask(request: Request): Promise<Answer> {
    const generation = this.generation;
    // Let the page draw its progress between files.
    await new Promise((r) => setTimeout(r, 0));
    if (generation !== this.generation) return { kind: 'cancelled' };
    return this.handle(request);
  }

  cancel(): void {
    this.generation++;
  }

  close(): void {
    this.cancel();
  }
}

/** What the page says when it runs without workers. */
export const NO_WORKERS =
  '此浏览器不允许本页面使用后台线程（Web Worker），文件改在页面中直接读取：无法限制每个文件的读取时间，读取大文件时页面会暂时没有响应。' +
  '文件仍然只在本机读取，校验结果与命令行工具相同。';

/** A worker made from `url` and the extensions it reads, when it starts and answers within `ms`; null when not. */
function answers(url: string, ms: number): Promise<{ worker: Worker; extensions: string[] } | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url);
    } catch {
      resolve(null);
      return;
    }
    const done = (extensions: string[] | null) => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      if (extensions) resolve({ worker, extensions });
      else {
        worker.terminate();
        resolve(null);
      }
    };
    const timer = setTimeout(() => done(null), ms);
    worker.onmessage = (e: MessageEvent<{ answer?: Answer }>) => done(e.data?.answer?.kind === 'pong' ? e.data.answer.extensions : null);
    worker.onerror = () => done(null);
    worker.postMessage({ id: 0, request: { kind: 'ping' } });
  });
}

/**
 * The core in workers made from `url` (the core's script: a Blob URL of the page's inlined source,
 * or the add-in's lastYearCore.js), `parallel` at most; null when the browser refuses them.
 */
export async function startWorkers(url: string, timeLimitMs = FILE_TIME_LIMIT_MS, parallel?: number): Promise<Core | null> {
  if (typeof Worker === 'undefined') return null;
  try {
    const first = await answers(url, 20_000);
    if (!first) return null;
    const core = new WorkerCore(
      url,
      parallel ?? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)),
      timeLimitMs,
      first.extensions,
    );
    core.warm(first.worker);
    return core;
  } catch {
    return null;
  }
}

/**
 * The core of `source` (the core's script text), in workers when the browser allows them, else in
 * the page. `timeLimitMs`: the time a file may take (the command's, unless a test asks for less).
 */
export async function startCore(source: string, timeLimitMs = FILE_TIME_LIMIT_MS): Promise<Core> {
  let url: string | null = null;
  try {
    url = typeof Worker === 'undefined' ? null : URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  } catch {
    // refused: the page runs the core itself
  }
  const workers = url ? await startWorkers(url, timeLimitMs) : null;
  if (workers) return workers;
  const script = document.createElement('script');
  script.textContent = source;
  document.head.appendChild(script);
  const core = (window as unknown as { xxgkCore?: { handle: (r: Request) => Promise<Answer> } }).xxgkCore;
  if (!core) throw new Error('core did not load');
  const pong = await core.handle({ kind: 'ping' });
  return new PageCore(core.handle, NO_WORKERS, pong.kind === 'pong' ? pong.extensions : []);
}
