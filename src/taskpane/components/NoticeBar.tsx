import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import type { TableId } from '../../report/standard/formatNames';
import type { Notice } from '../notices';

const useStyles = makeStyles({
  // The notice stays in sight wherever the pane is scrolled: the buttons that cause it sit below long findings.
  root: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
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
  return (
    <div aria-live="polite" className={styles.root} data-testid="notice">
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
