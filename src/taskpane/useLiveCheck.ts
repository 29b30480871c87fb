import { Dispatch, MutableRefObject, SetStateAction, useEffect, useRef, useState } from 'react';
import type { WorkbookCheck } from '../excel/check';
import type { ExcelRun } from '../excel/run';
import { LiveChecker } from './deferred';
import type { Notice } from './notices';

export interface LiveCheckHost {
  run: ExcelRun;
  supported: boolean;
  debounceMs?: number;
  mergedAreas?: boolean;
}

/**
 * The pane's live check: started with the pane where the host is supported, its latest result,
 * and whether it runs (实时校验). Its errors, and what it put right by itself, become the notice.
 */
export function useLiveCheck(
  checker: MutableRefObject<LiveChecker | null>,
  host: LiveCheckHost,
  setNotice: Dispatch<SetStateAction<Notice | null>>,
) {
  const { run, supported, debounceMs, mergedAreas } = host;
  const [check, setCheck] = useState<WorkbookCheck | null>(null);
  const [live, setLive] = useState(true);

  useEffect(() => {
    if (!supported) return;
    const c = new LiveChecker(run, {
      debounceMs,
      check: { mergedAreas },
      onResult: (r) => {
        setCheck(r);
        performance.mark('xxgk-findings-updated');
      },
      onError: (message) => setNotice({ intent: 'error', text: message, fromCheck: true }),
      onErrorCleared: () => setNotice((n) => (n?.fromCheck ? null : n)),
      onNotice: (text, title) => setNotice({ intent: 'warning', title: title ?? '已自动恢复', text }),
    });
    checker.current = c;
    void c.refresh();
    return () => {
      void c.stop();
    };
  }, [checker, run, supported, debounceMs, mergedAreas, setNotice]);

  const liveMounted = useRef(false);
  useEffect(() => {
    checker.current?.setEnabled(live);
    // Switched back on: what changed meanwhile is checked at once.
    if (liveMounted.current && live) void checker.current?.refresh();
    liveMounted.current = true;
  }, [checker, live]);

  return { check, live, setLive };
}
