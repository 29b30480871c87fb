import { ChildProcess, fork } from 'child_process';
import { availableParallelism } from 'os';
import * as path from 'path';
import { Report } from '../report/standard/report';
import { CheckFileOptions, FileOutcome } from './checkFile';
import { FILE_TIME_LIMIT_MS, timeoutReason } from '../read/result';

// Each file is read and checked in a child process with a memory limit and a time limit, so that
// a file that crashes the reader, exhausts its memory, aborts the process or never finishes is
// reported as unreadable with the reason, and the other files are still checked: no input can take
// the command down (a worker thread could; V8 aborts the whole process on some allocation
// failures). A pool of long-lived children, one per core, takes the files in turn; a child is
// started again after a fault, a time-out, or when its memory grew past a bound. Each child is
// handed a few files ahead (it checks them one after the other), so that it never waits for the
// parent between files; the time limit runs for the file it is checking, and the files queued
// behind a file that took its child down go to another child. Results come back in the order of
// the calls. Idle children do not keep the process alive.

export interface IsolationLimits {
  /** Per file: reading and checking it, in milliseconds. */
  timeoutMs: number;
  /** The child's V8 heap (old generation), in MiB. */
  maxOldGenerationSizeMb: number;
  /** A child whose resident memory passed this after a file is started afresh, in MiB. */
  recycleRssMb: number;
  /** How many children at most. */
  poolSize: number;
  /** Files handed to one child at a time: the one it checks and those queued behind it. */
  inFlight: number;
  /** The child's script (tests give one that misbehaves on purpose). */
  workerScript: string;
}

export const ISOLATION_LIMITS: IsolationLimits = {
  timeoutMs: FILE_TIME_LIMIT_MS,
  maxOldGenerationSizeMb: 400,
  recycleRssMb: 300,
  poolSize: Math.max(1, availableParallelism()),
  inFlight: 4,
  workerScript: path.join(__dirname, 'checkWorker.js'),
};

/** What a child is asked: check a file, or read last year's report from it. */
type Task = { kind: 'check'; file: string; options: CheckFileOptions } | { kind: 'lastYear'; file: string };

/** What a child answers: a file's outcome, or last year's values (or why not). */
type Answer = { kind: 'check'; outcome: FileOutcome } | { kind: 'lastYear'; report?: Report; unreadable?: string };

interface Job {
  id: number;
  task: Task;
  resolve: (answer: Answer) => void;
}

interface Child {
  process: ChildProcess;
  /** The files handed to it, in order: the first is the one it is checking. */
  jobs: Job[];
  timer: NodeJS.Timeout | null;
  /** The last lines the child wrote to standard error (V8 says there why it aborted). */
  stderr: string;
}

let limits: IsolationLimits = { ...ISOLATION_LIMITS };
const children = new Set<Child>();
const waiting: Job[] = [];
let nextId = 1;
/** The largest resident set a child reported, in MiB (the benchmark's peak memory counts the children). */
let childPeakMb = 0;

/** The peak resident memory of any child so far, in MiB. */
export function childPeakRssMb(): number {
  return childPeakMb;
}

function unreadable(task: Task, reason: string): Answer {
  return task.kind === 'check'
    ? { kind: 'check', outcome: { file: task.file, results: [], unreadable: reason } }
    : { kind: 'lastYear', unreadable: reason };
}

/** Why a child died on a file, in Chinese. */
function deathReason(c: Child, code: number | null, signal: NodeJS.Signals | null): string {
  if (/heap out of memory|Reached heap limit|Allocation failed|Invalid array length|Invalid string length/i.test(c.stderr)) {
    return `内存不足：读取和校验此文件用尽了 ${limits.maxOldGenerationSizeMb} MB 的内存上限，已停止（文件可能含有大量与年报无关的内容）`;
  }
  if (signal) return `校验进程意外终止（信号 ${signal}），已停止`;
  return `校验进程意外退出（退出码 ${code}），已停止`;
}

/** Answers the file the child was checking; the time limit starts for the next one. */
function settle(c: Child, answer: Answer): void {
  const job = c.jobs.shift();
  if (!job) return;
  if (c.timer) clearTimeout(c.timer);
  c.timer = null;
  job.resolve(answer);
  if (c.jobs.length && children.has(c)) arm(c);
}

/** Ends a child; the files queued behind the one it was checking go back to the front of the queue. */
function retire(c: Child): void {
  children.delete(c);
  if (c.timer) clearTimeout(c.timer);
  c.timer = null;
  waiting.unshift(...c.jobs);
  c.jobs = [];
  c.process.removeAllListeners('exit');
  c.process.kill('SIGKILL');
}

/** The time limit of the file a child is checking. */
function arm(c: Child): void {
  const job = c.jobs[0];
  c.timer = setTimeout(() => {
    settle(c, unreadable(job.task, timeoutReason(limits.timeoutMs)));
    retire(c);
    next();
  }, limits.timeoutMs);
}

function start(): Child {
  const proc = fork(limits.workerScript, [], {
    execArgv: [`--max-old-space-size=${limits.maxOldGenerationSizeMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const c: Child = { process: proc, jobs: [], timer: null, stderr: '' };
  proc.stderr?.on('data', (b: Buffer) => (c.stderr = (c.stderr + b.toString('utf8')).slice(-4000)));
  proc.on('message', (m: { id: number; answer: Answer; rssMb: number; peakMb?: number }) => {
    if (m.peakMb && m.peakMb > childPeakMb) childPeakMb = m.peakMb;
    if (!c.jobs.length || m.id !== c.jobs[0].id) return;
    settle(c, m.answer);
    if (m.rssMb > limits.recycleRssMb) retire(c);
    next();
  });
  proc.on('exit', (code, signal) => {
    children.delete(c);
    if (c.timer) clearTimeout(c.timer);
    c.timer = null;
    // Its last words on standard error may come after the exit event: read them once the stream ends.
    const tell = () => {
      const [job, ...queued] = c.jobs;
      c.jobs = [];
      waiting.unshift(...queued);
      if (job) job.resolve(unreadable(job.task, deathReason(c, code, signal)));
      next();
    };
    if (proc.stderr && !proc.stderr.readableEnded) proc.stderr.once('end', tell);
    else tell();
  });
  proc.on('error', () => undefined); // an exit follows
  children.add(c);
  return c;
}

function idle(c: Child): void {
  c.process.unref();
  (c.process.channel as unknown as { unref?: () => void } | undefined)?.unref?.();
  (c.process.stderr as unknown as { unref?: () => void } | null)?.unref?.();
}

function busy(c: Child): void {
  c.process.ref();
  (c.process.channel as unknown as { ref?: () => void } | undefined)?.ref?.();
  (c.process.stderr as unknown as { ref?: () => void } | null)?.ref?.();
}

/** The child to hand the next file to: an idle one, else a new one, else the least busy with room. */
function pick(): Child | undefined {
  const live = [...children].filter((x) => x.process.connected);
  const free = live.find((x) => x.jobs.length === 0);
  if (free) return free;
  if (children.size < limits.poolSize) return start();
  const least = live.reduce<Child | undefined>((m, x) => (!m || x.jobs.length < m.jobs.length ? x : m), undefined);
  return least && least.jobs.length < limits.inFlight ? least : undefined;
}

/** Hands waiting jobs to children, starting children up to the pool's size. */
function next(): void {
  for (const c of children) if (!c.jobs.length) idle(c);
  while (waiting.length) {
    const c = pick();
    if (!c) return;
    const job = waiting.shift()!;
    c.jobs.push(job);
    busy(c);
    if (c.jobs.length === 1) arm(c);
    try {
      c.process.send({ id: job.id, task: job.task });
    } catch {
      c.jobs.pop();
      job.resolve(unreadable(job.task, '内部错误：无法把文件交给校验进程'));
      retire(c);
    }
  }
}

function submit(task: Task): Promise<Answer> {
  return new Promise((resolve) => {
    waiting.push({ id: nextId++, task, resolve });
    next();
  });
}

/**
 * checkFile in a child process: the same outcome, or `unreadable` with the reason (内存不足, 超时,
 * 校验进程意外退出/终止) when the child died on this file. Several files are checked at once, one a
 * child; each call's promise gives its own file's outcome. Never throws.
 */
export async function checkFileIsolated(file: string, options: CheckFileOptions = {}): Promise<FileOutcome> {
  const answer = await submit({ kind: 'check', file, options });
  return answer.kind === 'check' ? answer.outcome : { file, results: [], unreadable: '内部错误：校验进程的回答不符' };
}

/** Last year's report (--last-year), read under the same limits as every checked file. */
export async function readLastYearIsolated(file: string): Promise<Report> {
  const answer = await submit({ kind: 'lastYear', file });
  if (answer.kind === 'lastYear' && answer.report) return answer.report;
  throw new IsolatedReadError(answer.kind === 'lastYear' ? (answer.unreadable ?? '') : '内部错误：校验进程的回答不符');
}

/** Last year's report could not be read: the reason, in Chinese. */
export class IsolatedReadError extends Error {}

/** Ends the children (the process exits without it too: idle children do not keep it alive). */
export async function closeIsolation(): Promise<void> {
  while (waiting.length || [...children].some((c) => c.jobs.length)) await new Promise((r) => setTimeout(r, 10));
  for (const c of [...children]) retire(c);
}

/** Changes the limits of the children started from now on (tests); returns the previous ones. */
export function setIsolationLimits(next: Partial<IsolationLimits>): IsolationLimits {
  const previous = limits;
  limits = { ...limits, ...next };
  return previous;
}
