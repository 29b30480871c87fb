/*
 * The task pane's first screen (the insert buttons, the options) renders from taskpane.js alone;
 * the check, insertion and recognition code comes in a second chunk (logic.ts) that starts loading
 * at once. The pane reaches that code through the host operations (src/excel/host.ts), lazily: a
 * call made before the chunk has arrived waits for it, and a chunk that cannot be fetched makes
 * every operation answer that it failed. Nothing here repeats the chunk's exports by hand: the
 * operations are the interface's, and the compiler requires an answer for each of them.
 */
import { useEffect, useState } from 'react';
import type { WorkbookCheck } from '../excel/check';
import type { HostOperations, Watcher } from '../excel/host';
import type { LiveCheckerOptions } from '../excel/live';
import type { ExcelRun } from '../excel/run';

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

type AsyncOperation = Exclude<keyof HostOperations, 'watch'>;

const FAILED = { kind: 'failed' as const, problem: { code: 'said' as const, text: LOAD_FAILED } };

/** What each operation answers when the chunk could not be fetched. */
const UNLOADED: { [K in AsyncOperation]: Awaited<ReturnType<HostOperations[K]>> } = {
  insertTables: FAILED,
  selectCells: FAILED.problem,
  recogniseActiveSheet: FAILED,
  unmarkActiveSheet: FAILED,
  convertActiveSheet: FAILED,
  reinsertTable: FAILED,
  listSheets: [],
  linkLastYear: FAILED,
  unlinkLastYear: FAILED,
  rollupUnits: [],
  insertWorkbookRollup: FAILED,
};

/** The live check, created when the chunk arrives; calls made before then are applied in order once it exists. */
class DeferredWatcher implements Watcher {
  private real: Watcher | null = null;
  private readonly ready: Promise<Watcher | null>;
  private enabled: boolean | undefined;

  constructor(
    host: Promise<HostOperations>,
    private readonly options: LiveCheckerOptions,
  ) {
    this.ready = host.then(
      (h) => {
        const real = h.watch(options);
        if (this.enabled !== undefined) real.setEnabled(this.enabled);
        this.real = real;
        return real;
      },
      () => null,
    );
  }

  async refresh(how?: 'auto' | 'click'): Promise<WorkbookCheck> {
    const real = await this.ready;
    if (real) return real.refresh(how);
    const check: WorkbookCheck = { sheets: [], error: FAILED.problem };
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

/** The host operations in Excel, from the second chunk. */
export function lazyHost(run: ExcelRun): HostOperations {
  const host = loadLogic().then((m) => m.excelHost(run));
  const operations = Object.fromEntries(
    (Object.keys(UNLOADED) as AsyncOperation[]).map((name) => [
      name,
      (...args: unknown[]) =>
        host.then(
          (h) => (h[name] as (...a: unknown[]) => Promise<unknown>)(...args),
          () => UNLOADED[name],
        ),
    ]),
  ) as Pick<HostOperations, AsyncOperation>;
  return { ...operations, watch: (options) => new DeferredWatcher(host, options) };
}

/** The chunk's module once fetched (it always is before there is a check to show). */
export function useLogic(): Logic | null {
  const [m, setM] = useState<Logic | null>(loaded);
  useEffect(() => {
    if (!m) void loadLogic().then(setM, () => undefined);
  }, [m]);
  return m;
}
