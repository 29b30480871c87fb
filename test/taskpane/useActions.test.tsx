/** @jest-environment jsdom */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { Actions, useActions } from '../../src/taskpane/useActions';
import type { Outcome } from '../../src/excel/outcome';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders a part of the pane that uses the hook; what the hook gave at the last render. */
function mount(): () => Actions {
  let latest: Actions | null = null;
  function Part() {
    latest = useActions({ current: null });
    return <button disabled={latest.busy}>插入</button>;
  }
  act(() => createRoot(document.createElement('div')).render(<Part />));
  return () => latest!;
}

describe('the pane’s actions', () => {
  it('wait while an action runs, then tell its outcome', async () => {
    const actions = mount();
    let finish: (o: Outcome) => void = () => undefined;
    let running: Promise<void> = Promise.resolve();
    act(() => {
      running = actions().perform(
        () => new Promise<Outcome>((r) => (finish = r)),
        (o) => ({ intent: 'error', text: o.kind }),
      );
    });
    expect(actions().busy).toBe(true);
    await act(async () => {
      finish({ kind: 'failed', problem: { code: 'said', text: '不行' } });
      await running;
    });
    expect(actions().busy).toBe(false);
    expect(actions().notice).toEqual({ intent: 'error', text: 'failed' });
  });

  it('do not leave the buttons waiting when an action throws instead of answering', async () => {
    const actions = mount();
    await act(async () => {
      await expect(
        actions().perform(
          () => Promise.reject(new Error('boom')),
          () => ({ intent: 'error', text: '' }),
        ),
      ).rejects.toThrow('boom');
    });
    expect(actions().busy).toBe(false);
  });
});
