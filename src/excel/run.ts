/** Excel.run, or the in-memory workbook's run: the one way into a workbook. */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * Excel.run(context, batch): a batch on an existing context. Event handlers are removed this way,
   * through the context that added them (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
   */
  <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel.run(options, batch): see whileEditing. */
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The real host's Excel.run, looked up when called so that tests and the preview can install theirs. */
export const officeRun: ExcelRun = <T>(
  a: OfficeExtension.ClientRequestContext | Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
  b?: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> => (typeof a === 'function' ? Excel.run(a) : Excel.run(a as Excel.RunOptions, b!));

/** A run for batches that take no more than an Excel.run(batch). */
export type BatchRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Batches that must not fail because the user is typing in a cell (the live check runs moments
 * after an edit, while a fast typist is already in the next cell): Excel.run({ delayForCellEdit: true }),
 * which Excel holds until the user leaves cell-edit mode instead of failing with
 * InvalidOperationInCellEditMode (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit,
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions). A host without the
 * DelayForCellEdit requirement set ignores the option, so callers still retry on that error.
 */
export function whileEditing(run: ExcelRun): BatchRun {
  return (batch) => run({ delayForCellEdit: true }, batch);
}

/**
 * Whether Excel delays batches during cell edit (requirement set DelayForCellEdit). The live check
 * can then start soon after an edit; without it, it waits longer, as a check that meets cell-edit
 * mode fails and must be retried.
 */
export function delayForCellEditSupported(): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('DelayForCellEdit');
  } catch {
    return false;
  }
}
