/*
 * The task pane's first screen (the insert buttons, the options) renders from taskpane.js alone;
 * the check, insertion and recognition code comes in a second chunk
 * (logic.ts) that starts loading at once. What App.tsx imports from here has the signatures of the
 * real modules: a call made before the chunk has arrived waits for it.
 */
import { useEffect, useState } from 'react';
import type { WorkbookCheck } from '../excel/check';
import type { LiveChecker as RealLiveChecker, LiveCheckerOptions } from '../excel/live';
import type { ExcelRun } from '../excel/run';
import type { Notice } from './notices';

type Logic = typeof import('./logic');

/** Shown when the second chunk cannot be fetched (e.g. the network went away after the pane opened). */
export const LOAD_FAILED = '无法加载年报助手的校验模块，请检查网络后关闭并重新打开任务窗格。';

let loaded: Logic | null = null;
let loading: Promise<Logic> | null = null;

/** Fetches the chunk once; a failed fetch is tried again on the next call. */
export function loadLogic(): Promise<Logic> {
  if (!loading) {
    loading = import(/* webpackChunkName: "logic" */ './logic').then(
      (m) => (loaded = m),
      (e) => {
        loading = null;
        throw e;
      },
    );
  }
  return loading;
}

// Start at once: the live check needs it right after the first render.
void loadLogic().catch(() => undefined);

/** An action of the chunk; a failed fetch becomes the action's own failure result. */
function deferred<A extends unknown[], R>(pick: (m: Logic) => (...args: A) => Promise<R>, failed: NoInfer<R>): (...args: A) => Promise<R> {
  return (...args) =>
    loadLogic().then(
      (m) => pick(m)(...args),
      () => failed,
    );
}

const FAILED = { kind: 'failed' as const, message: LOAD_FAILED };

export const insertTables = deferred((m) => m.insertTables, FAILED);
export const recogniseActiveSheet = deferred((m) => m.recogniseActiveSheet, FAILED);
export const convertActiveSheet = deferred((m) => m.convertActiveSheet, FAILED);
export const reinsertTable = deferred((m) => m.reinsertTable, FAILED);
export const unmarkActiveSheet = deferred((m) => m.unmarkActiveSheet, FAILED);
export const linkLastYear = deferred((m) => m.linkLastYear, FAILED);
export const unlinkLastYear = deferred((m) => m.unlinkLastYear, FAILED);
/** Selects a finding's cells; a message when that failed. */
export const selectCells = deferred((m) => m.selectCells, LOAD_FAILED);

/**
 * A pure function of the chunk, for where the chunk is there already: the notice after an action
 * (which came from the chunk too), the name of last year's report in a check. Should the chunk
 * have failed to load, `unloaded` is the answer.
 */
function fromChunk<A extends unknown[], R>(pick: (m: Logic) => (...args: A) => R, unloaded: NoInfer<R>): (...args: A) => R {
  return (...args) => (loaded ? pick(loaded)(...args) : unloaded);
}

// The notices' words (src/taskpane/notices.ts) are not needed before an action is over.
const LOAD_FAILED_NOTICE: Notice = { intent: 'error', text: LOAD_FAILED };
export const insertNotice = fromChunk((m) => m.insertNotice, LOAD_FAILED_NOTICE);
export const recognisedNotice = fromChunk((m) => m.recognisedNotice, LOAD_FAILED_NOTICE);
export const convertedNotice = fromChunk((m) => m.convertedNotice, LOAD_FAILED_NOTICE);
export const reinsertedNotice = fromChunk((m) => m.reinsertedNotice, LOAD_FAILED_NOTICE);
export const unmarkedNotice = fromChunk((m) => m.unmarkedNotice, LOAD_FAILED_NOTICE);
export const rolledUpNotice = fromChunk((m) => m.rolledUpNotice, LOAD_FAILED_NOTICE);
export const linkedNotice = fromChunk((m) => m.linkedNotice, LOAD_FAILED_NOTICE);
export const unlinkedNotice = fromChunk((m) => m.unlinkedNotice, LOAD_FAILED_NOTICE);
export const lastYearLabel = fromChunk((m) => m.lastYearLabel, '');

/**
 * The live checker of src/excel/live.ts, created when the chunk arrives. Calls made before then
 * are applied in order once it exists.
 */
export class LiveChecker {
  private real: RealLiveChecker | null = null;
  private readonly ready: Promise<RealLiveChecker | null>;
  private enabled: boolean | undefined;

  constructor(
    run: ExcelRun,
    private readonly options: LiveCheckerOptions,
  ) {
    this.ready = loadLogic().then(
      (m) => {
        const real = new m.LiveChecker(run, options);
        if (this.enabled !== undefined) real.setEnabled(this.enabled);
        this.real = real;
        return real;
      },
      () => null,
    );
  }

  async refresh(): Promise<WorkbookCheck> {
    const real = await this.ready;
    if (real) return real.refresh();
    const check: WorkbookCheck = { sheets: [], error: LOAD_FAILED };
    this.options.onResult(check);
    return check;
  }

  /** Runs the write once the chunk is there: the write comes from the chunk too, so it waits no longer. */
  async whileWriting<T>(write: () => Promise<T>): Promise<T> {
    const real = await this.ready;
    return real ? real.whileWriting(write) : write();
  }

  setEnabled(on: boolean): void {
    if (this.real) this.real.setEnabled(on);
    else this.enabled = on;
  }

  async stop(): Promise<void> {
    await (await this.ready)?.stop();
  }
}

/** The chunk's module once fetched (it always is before there is a check to show). */
export function useLogic(): Logic | null {
  const [m, setM] = useState<Logic | null>(loaded);
  useEffect(() => {
    if (!m) void loadLogic().then(setM, () => undefined);
  }, [m]);
  return m;
}
