import '../legacy';
import { createRoot } from 'react-dom/client';
import { officeRun } from '../excel/run';
import { mountTaskpane } from './mount';

/* global Office, document */

Office.onReady((info) => {
  const container = document.getElementById('container')!;
  const supported = info.host === Office.HostType.Excel && Office.context.requirements.isSetSupported('ExcelApi', '1.8');
  const mergedAreas = supported && Office.context.requirements.isSetSupported('ExcelApi', '1.13');
  const multiAreaSelect = supported && Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  const pageSetup = supported && Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  mountTaskpane(createRoot(container), { run: officeRun, supported, mergedAreas, multiAreaSelect, pageSetup });
});
