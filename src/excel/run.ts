/** Excel.run, or the in-memory workbook's run: the one way into a workbook. */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * Excel.run(context, batch): a batch on an existing context. Event handlers are removed this way,
   * through the context that added them (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
   */
  <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The real host's Excel.run, looked up when called so that tests and the preview can install theirs. */
export const officeRun: ExcelRun = <T>(
  a: OfficeExtension.ClientRequestContext | ((context: Excel.RequestContext) => Promise<T>),
  b?: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> => (typeof a === 'function' ? Excel.run(a) : Excel.run(a, b!));
