import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Root } from 'react-dom/client';
import { ExcelRun } from '../excel/run';
import { App } from './App';

export interface TaskpaneHost {
  run: ExcelRun;
  /** False when the host lacks ExcelApi 1.8 (Office 2016 and older). */
  supported: boolean;
  /** Quiet time of the live check, in ms. */
  debounceMs?: number;
  /** ExcelApi 1.13: merged areas can be read, so an undone merge is reported. */
  mergedAreas?: boolean;
  /** ExcelApi 1.9: several areas can be selected (Worksheet.getRanges). */
  multiAreaSelect?: boolean;
  /** ExcelApi 1.9: a new sheet of tables gets the page setup (Worksheet.pageLayout). */
  pageSetup?: boolean;
}

/** Renders the task pane; the add-in and the browser preview both mount it through here. */
export function mountTaskpane(root: Root, host: TaskpaneHost): void {
  root.render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }}>
      <App
        run={host.run}
        supported={host.supported}
        debounceMs={host.debounceMs}
        mergedAreas={host.mergedAreas}
        multiAreaSelect={host.multiAreaSelect}
        pageSetup={host.pageSetup}
      />
    </FluentProvider>,
  );
}
