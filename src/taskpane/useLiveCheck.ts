import { liveNoticeText, problemText } from './problemText';
import { Dispatch, MutableRefObject, SetStateAction, useEffect, useRef, useState } from 'react';
import type { WorkbookCheck } from '../excel/check';
import type { HostOperations, Watcher } from '../excel/host';
import type { Notice } from './notices';

export interface LiveCheckHost {
  host: HostOperations;
  supported: boolean;
  debounceMs?: number;
  mergedAreas?: boolean;
}

/**
 * The pane's live check: started with the pane where the host is supported, its latest result,
 * and whether it runs (实时校验). Its errors, and what it put right by itself, become the notice.
 */
export function useLiveCheck(
  checker: MutableRefObject<Watcher | null>,
  host: LiveCheckHost,
  setNotice: Dispatch<SetStateAction<Notice | null>>,
) {
  const { host: operations, supported, debounceMs, mergedAreas } = host;
  const [check, setCheck] = useState<WorkbookCheck | null>(null);
  const [live, setLive] = useState(true);

  useEffect(() => {
    if (!supported) return;
    const c = operations.watch({
      debounceMs,
      check: { mergedAreas },
      onResult: (r) => {
        setCheck(r);
        performance.mark('xxgk-findings-updated');
      },
      onError: (problem) => setNotice({ intent: 'error', text: problemText(problem), fromCheck: true }),
      onErrorCleared: () => setNotice((n) => (n?.fromCheck ? null : n)),
      onNotice: (notice) => setNotice({ intent: 'warning', ...liveNoticeText(notice) }),
    });
    checker.current = c;
    // Not a click: held during cell edit and retried after a passing error.
    void c.refresh('auto');
    return () => {
      void c.stop();
    };
  }, [checker, operations, supported, debounceMs, mergedAreas, setNotice]);

  const liveMounted = useRef(false);
  useEffect(() => {
    checker.current?.setEnabled(live);
    // Switched back on: what changed meanwhile is checked at once.
    if (liveMounted.current && live) void checker.current?.refresh();
    liveMounted.current = true;
  }, [checker, live]);

  return { check, live, setLive };
}
