import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import type { TableId } from '../../report/standard/formatNames';
import type { Notice } from '../notices';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles({
  // In the flow, never over the findings (a sticky notice covered them when scrolling): a new notice is
  // scrolled into view instead, since the buttons that cause it may sit further down.
  root: { backgroundColor: tokens.colorNeutralBackground1 },
});

export interface NoticeBarProps {
  notice: Notice | null;
  busy: boolean;
  onClose: () => void;
  onRetryOnNewSheet: (tables: TableId[]) => void;
}

/** The pane's one notice, with 插入到新工作表 beside a refusal at the selected cells. */
export function NoticeBar({ notice, busy, onClose, onRetryOnNewSheet }: NoticeBarProps) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!notice) return;
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    // The verdict just above it comes into view with it: what the action changed is read together.
    ref.current?.previousElementSibling?.scrollIntoView?.({ block: 'nearest' });
  }, [notice]);
  return (
    <div aria-live="polite" className={styles.root} data-testid="notice" ref={ref}>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label="关闭提示" icon={<Dismiss16Regular />} onClick={onClose} />
            }
          >
            {notice.retryOnNewSheet && (
              <Button size="small" disabled={busy} onClick={() => onRetryOnNewSheet(notice.retryOnNewSheet!)}>
                插入到新工作表
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
