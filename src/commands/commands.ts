import '../legacy';
import { checkWorkbook } from '../excel/check';
import { officeRun } from '../excel/run';
import { resultDialogUrl } from './dialogUrl';
import { checkSummary } from './summary';

/* global Office */

/**
 * Ribbon 校验: checks every template in the workbook and shows the summary in a small dialog. The
 * command completes when the user closes the dialog (completing earlier would close it at once).
 */
async function checkWorkbookCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const mergedAreas = Office.context.requirements.isSetSupported('ExcelApi', '1.13');
    const check = await checkWorkbook(officeRun, { mergedAreas });
    // The summary travels in a query parameter, never the fragment (see dialogUrl.ts).
    const url = resultDialogUrl(new URL('check-result.html', window.location.href).toString(), (maxLines) => checkSummary(check, maxLines));
    Office.context.ui.displayDialogAsync(url, { height: 40, width: 30, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        event.completed();
        return;
      }
      result.value.addEventHandler(Office.EventType.DialogEventReceived, () => event.completed());
    });
  } catch {
    event.completed();
  }
}

// Older hosts (Excel 2019) look the function up on the global object; newer ones use Office.actions.
(window as unknown as Record<string, unknown>).checkWorkbookCommand = checkWorkbookCommand;
Office.onReady(() => {
  if (Office.actions?.associate) Office.actions.associate('checkWorkbookCommand', checkWorkbookCommand);
});
