import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Root } from 'react-dom/client';
import { App, AppProps } from './App';

/** What the host offers the pane: the Excel runner and the API sets beyond ExcelApi 1.8 (see App). */
export type TaskpaneHost = AppProps;

/** Renders the task pane; the add-in and the browser preview both mount it through here. */
export function mountTaskpane(root: Root, host: TaskpaneHost): void {
  root.render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }}>
      <App {...host} />
    </FluentProvider>,
  );
}
