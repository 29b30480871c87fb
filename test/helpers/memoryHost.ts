import { createMemoryHost, MemoryHost } from '../../src/excel/memory';

/** An in-memory workbook with one sheet, active: a workbook as Excel opens a new one. */
export function hostWithSheet(name = 'Sheet1'): MemoryHost {
  const host = createMemoryHost();
  host.addSheet(name);
  host.setActiveSheet(name);
  return host;
}
