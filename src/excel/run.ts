/** Excel.run, or the in-memory workbook's run: the one way into a workbook. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real host's Excel.run, looked up when called so that tests and the preview can install theirs. */
export const officeRun: ExcelRun = (batch) => Excel.run(batch);
