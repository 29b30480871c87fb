import { Dispatch, SetStateAction, useCallback, useState } from 'react';
import type { Outcome } from '../excel/outcome';
import type { Notice } from './notices';

/** What an action needs of the live checker. */
export interface ActionChecker {
  whileWriting<T>(write: () => Promise<T>): Promise<T>;
  refresh(): Promise<unknown>;
}

export interface Actions {
  /** An action is under way: the buttons wait. */
  busy: boolean;
  notice: Notice | null;
  setNotice: Dispatch<SetStateAction<Notice | null>>;
  /**
   * Runs an Excel operation as the pane's own write (the live check ignores its change events),
   * then tells its outcome; after one that was done the workbook is checked at once.
   */
  perform<T extends object>(action: () => Promise<Outcome<T>>, tell: (outcome: Outcome<T>) => Notice): Promise<void>;
  /** Keeps the buttons waiting while `work` runs. */
  whileBusy(work: () => Promise<unknown>): Promise<void>;
}

/** The busy state and the notice of a part of the pane, and the one way its actions run. */
export function useActions(checker: { readonly current: ActionChecker | null }): Actions {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const whileBusy = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }, []);

  const perform = useCallback(
    async <T extends object>(action: () => Promise<Outcome<T>>, tell: (outcome: Outcome<T>) => Notice) => {
      setBusy(true);
      setNotice(null);
      const c = checker.current;
      let outcome: Outcome<T>;
      try {
        outcome = c ? await c.whileWriting(action) : await action();
      } finally {
        // An action that throws instead of answering must not leave the buttons waiting.
        setBusy(false);
      }
      setNotice(tell(outcome));
      if (outcome.kind === 'done') await c?.refresh();
    },
    [checker],
  );

  return { busy, notice, setNotice, perform, whileBusy };
}
