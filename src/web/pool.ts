import { extensionOf } from '../read/kinds';
import { CRASH_REASON, FILE_TIME_LIMIT_MS, timeoutReason } from '../read/result';
import { PDF_NOT_LOADED } from './pdfReader';
import type { Answer, Request } from './protocol';

/* global Blob, URL, Worker, document, navigator, setTimeout, clearTimeout, window */

// The web page's core, run in Web Workers made from the core's inlined source (a Blob URL: the page
// is one file, opened from disk or from any folder). A file is checked by one worker under a time
// limit; a worker that runs past it, or fails outside the core's own handling, is ended and the file
// is unreadable with the command's reason, the other files go on. When the browser refuses workers
// (some do from file://), the core runs in the page itself and the page says what it gave up.
// pdf.js (the page's PDF script) is run only when a PDF is met: from then on the workers start with
// it and the core in one script, and a PDF goes only to such a worker.

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
  /** It was started with pdf.js: it reads PDF. */
  pdf: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Why a request failed when its worker died: a check is unreadable with the command's reason. */
function deadAnswer(request: Request, reason: string): Answer {
  if (request.kind === 'check') return { kind: 'check', outcome: { file: request.name, results: [], unreadable: reason } };
  if (request.kind === 'lastYear') return { kind: 'lastYear', unreadable: reason };
  return { kind: 'failed', reason };
}

/** A file that only a core with pdf.js reads. */
const isPdf = (request: Request): boolean =>
  (request.kind === 'check' || request.kind === 'lastYear') && extensionOf(request.name) === '.pdf';

/** The time a worker with pdf.js may take to start (it parses about 2 MB of script). */
const PDF_START_MS = 20_000;

/** The page's PDF script (pdf.js), kept as text in the page, run only when a PDF is met. */
export type PdfScript = () => string;

class WorkerCore implements Core {
  readonly degraded = null;
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  /** A PDF was met: the workers started from then on have pdf.js. */
  private withPdf = false;
  /** The worker script with pdf.js: the PDF script and the core's, made when the first PDF is met. */
  private pdfUrl: string | null = null;
  /** Why PDFs are not read (a worker with pdf.js could not start), or null. */
  private pdfRefused: string | null = null;

  constructor(
    private readonly url: string,
    public parallel: number,
    private readonly timeLimitMs: number,
    readonly extensions: string[],
    /** The PDF script and the core's source, to make workers that read PDF; null: PDFs are not read. */
    private readonly pdf: { script: PdfScript; core: string } | null = null,
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
    if (this.pdfUrl) URL.revokeObjectURL(this.pdfUrl);
  }

  /** Takes the worker that answered the first ping, and starts the others before the first file (their start is not counted in a file's time). */
  warm(first: Worker): void {
    this.start(first);
    while (this.slots.length < this.parallel) this.start();
  }

  private start(started?: Worker): Slot {
    const pdf = !started && this.withPdf && this.pdfUrl !== null;
    const slot: Slot = { worker: started ?? new Worker(pdf ? this.pdfUrl! : this.url), ready: !!started, pdf, job: null, timer: null };
    // A worker with pdf.js that does not start in time (a browser too weak for it) is given up as one that fails.
    const starting = pdf ? setTimeout(() => !slot.ready && this.failedStart(slot), PDF_START_MS) : null;
    slot.worker.onmessage = (e: MessageEvent<{ id: number; answer: Answer }>) => {
      if (e.data.id === 0) {
        if (starting) clearTimeout(starting);
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
        if (starting) clearTimeout(starting);
        this.failedStart(slot);
      }
    };
    if (!started) slot.worker.postMessage({ id: 0, request: { kind: 'ping' } });
    this.slots.push(slot);
    return slot;
  }

  private failedStart(slot: Slot): void {
    slot.worker.terminate();
    this.slots.splice(this.slots.indexOf(slot), 1);
    // pdf.js did not load in this browser: PDFs are unreadable with the reason, the other files go on.
    if (slot.pdf) {
      this.refusePdf();
      this.pump();
    }
  }

  private refusePdf(): void {
    this.pdfRefused = PDF_NOT_LOADED;
    this.withPdf = false;
    if (this.pdfUrl) URL.revokeObjectURL(this.pdfUrl);
    this.pdfUrl = null;
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

  /** The first PDF: from now on workers start with pdf.js. */
  private takePdf(): void {
    if (this.withPdf || this.pdfRefused !== null) return;
    try {
      const script = this.pdf?.script();
      if (script) this.pdfUrl = URL.createObjectURL(new Blob([script, '\n;\n', this.pdf!.core], { type: 'text/javascript' }));
    } catch {
      this.pdfUrl = null;
    }
    if (!this.pdfUrl) {
      this.refusePdf();
      return;
    }
    this.withPdf = true;
  }

  private pump(): void {
    if (this.waiting.some((j) => isPdf(j.request))) this.takePdf();
    if (this.pdfRefused !== null)
      for (const job of this.waiting.filter((j) => isPdf(j.request))) {
        this.waiting.splice(this.waiting.indexOf(job), 1);
        job.resolve(deadAnswer(job.request, this.pdfRefused));
      }
    // A worker without pdf.js, once idle, makes room for one with it.
    if (this.withPdf)
      for (const slot of this.slots.filter((s) => !s.pdf && !s.job)) {
        slot.worker.terminate();
        this.slots.splice(this.slots.indexOf(slot), 1);
      }
    while (this.slots.length < this.parallel) this.start();
    for (let i = 0; i < this.waiting.length;) {
      const job = this.waiting[i];
      const slot = this.slots.find((s) => s.ready && !s.job && (s.pdf || !isPdf(job.request)));
      if (!slot) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
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
  private pdfTried = false;

  constructor(
    private readonly handle: (r: Request) => Promise<Answer>,
    readonly degraded: string,
    readonly extensions: string[],
    private readonly pdfScript: PdfScript | null,
  ) {}

  async ask(request: Request): Promise<Answer> {
    const generation = this.generation;
    // Let the page draw its progress between files.
    await new Promise((r) => setTimeout(r, 0));
    if (generation !== this.generation) return { kind: 'cancelled' };
    if (isPdf(request) && !this.pdfTried) {
      this.pdfTried = true;
      // pdf.js in the page (the page's policy allows the PDF script by its hash); where it does not
      // run, the reader answers each PDF with the reason (pdfReader.ts).
      try {
        if (this.pdfScript) runScript(this.pdfScript());
      } catch {
        // said per file by the reader
      }
    }
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

/** Runs a script of the page's own in the page. */
function runScript(text: string): void {
  const script = document.createElement('script');
  script.textContent = text;
  document.head.appendChild(script);
}

/**
 * The core in workers made from `url` (the core's script: a Blob URL of the page's inlined source,
 * or the add-in's lastYearCore.js), `parallel` at most; null when the browser refuses them. `pdf`:
 * the PDF script and the core's source, for workers that read PDF (without it, PDFs are not read).
 */
export async function startWorkers(
  url: string,
  timeLimitMs = FILE_TIME_LIMIT_MS,
  parallel?: number,
  pdf: { script: PdfScript; core: string } | null = null,
): Promise<Core | null> {
  if (typeof Worker === 'undefined') return null;
  try {
    const first = await answers(url, 20_000);
    if (!first) return null;
    const core = new WorkerCore(
      url,
      parallel ?? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)),
      timeLimitMs,
      first.extensions,
      pdf,
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
 * `pdfScript`: the page's PDF script, run with the core when a PDF is met.
 */
export async function startCore(source: string, timeLimitMs = FILE_TIME_LIMIT_MS, pdfScript: PdfScript | null = null): Promise<Core> {
  let url: string | null = null;
  try {
    url = typeof Worker === 'undefined' ? null : URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  } catch {
    // refused: the page runs the core itself
  }
  const workers = url ? await startWorkers(url, timeLimitMs, undefined, pdfScript && { script: pdfScript, core: source }) : null;
  if (workers) return workers;
  runScript(source);
  const core = (window as unknown as { xxgkCore?: { handle: (r: Request) => Promise<Answer> } }).xxgkCore;
  if (!core) throw new Error('core did not load');
  const pong = await core.handle({ kind: 'ping' });
  return new PageCore(core.handle, NO_WORKERS, pong.kind === 'pong' ? pong.extensions : [], pdfScript);
}
