import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkFile, CheckFileOptions, FileOutcome } from './checkFile';

// Each file is read and checked in a worker thread with a memory limit and a time limit, so that a
// file that crashes the reader, exhausts its memory or never finishes is reported as unreadable
// with the reason, and the other files are still checked. One worker serves file after file; it
// is started again after it dies. While idle it does not keep the process alive.

export interface IsolationLimits {
  /** Per file: reading and checking it, in milliseconds. */
  timeoutMs: number;
  /** The worker's V8 heap (old generation), in MiB. */
  maxOldGenerationSizeMb: number;
  /** The worker's script (tests give one that misbehaves on purpose). */
  workerScript: string;
}

export const ISOLATION_LIMITS: IsolationLimits = {
  timeoutMs: 60_000,
  maxOldGenerationSizeMb: 400,
  workerScript: path.join(__dirname, 'checkWorker.js'),
};

interface Job {
  id: number;
  file: string;
  resolve: (outcome: FileOutcome) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | null = null;
let job: Job | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();
let limits: IsolationLimits = { ...ISOLATION_LIMITS };

function finish(outcome: FileOutcome): void {
  const j = job;
  if (!j) return;
  job = null;
  clearTimeout(j.timer);
  worker?.unref();
  j.resolve(outcome);
}

/** Ends the worker after a failure; the next file starts a new one. */
function fail(reason: string): void {
  const w = worker;
  worker = null;
  const file = job?.file ?? '';
  finish({ file, results: [], unreadable: reason });
  void w?.terminate();
}

function startWorker(): Worker {
  const w = new Worker(limits.workerScript, {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
    stdout: false,
    stderr: false,
  });
  w.on('message', (m: { id: number; outcome: FileOutcome }) => {
    if (w === worker && job && m.id === job.id) finish(m.outcome);
  });
  w.on('error', (e: Error & { code?: string }) => {
    if (w !== worker) return;
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      fail(
        `内存不足：读取和校验此文件用尽了 ${limits.maxOldGenerationSizeMb} MB 的内存上限，已停止（文件可能含有大量与年报无关的内容，例如很远处的单元格）`,
      );
    } else {
      fail(`读取时出错，已停止（${e.message}）`);
    }
  });
  w.on('exit', (code) => {
    if (w !== worker) return;
    fail(`校验进程意外退出（退出码 ${code}），已停止`);
  });
  return w;
}

function run(file: string, options: CheckFileOptions): Promise<FileOutcome> {
  return new Promise((resolve) => {
    if (!worker) worker = startWorker();
    worker.ref();
    const id = nextId++;
    const timer = setTimeout(() => {
      fail(`超时：读取和校验此文件超过 ${Math.round(limits.timeoutMs / 1000)} 秒，已停止`);
    }, limits.timeoutMs);
    job = { id, file, resolve, timer };
    try {
      worker.postMessage({ id, file, options });
    } catch {
      // Options that cannot be sent (never the command's own): check in this thread.
      clearTimeout(timer);
      job = null;
      worker.unref();
      void checkFile(file, options).then(resolve);
    }
  });
}

/**
 * checkFile in the worker thread: the same outcome, or `unreadable` with the reason (内存不足,
 * 超时, 校验进程意外退出) when the worker died on this file. Files are checked one at a time, in
 * the order of the calls. Never throws.
 */
export function checkFileIsolated(file: string, options: CheckFileOptions = {}): Promise<FileOutcome> {
  const p = queue.then(() => run(file, options));
  queue = p.catch(() => undefined);
  return p;
}

/** Ends the worker (the process exits without it too: an idle worker does not keep it alive). */
export async function closeIsolation(): Promise<void> {
  await queue;
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

/** Changes the limits of the workers started from now on (tests); returns the previous ones. */
export function setIsolationLimits(next: Partial<IsolationLimits>): IsolationLimits {
  const previous = limits;
  limits = { ...limits, ...next };
  return previous;
}
