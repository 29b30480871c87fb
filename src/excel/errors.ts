/** A problem to show the user as it is: its message is Chinese and says what to do. */
export class UserFacingError extends Error {}

const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。',
  AccessDenied: '没有写入权限：工作表或工作簿可能受保护，或文件为只读。请在“审阅”选项卡中撤销保护后重试。',
  InvalidSelection: '当前选中的不是单元格（可能是图表、图形或多个区域）。请先单击一个单元格，再重试。',
  ItemAlreadyExists: '工作簿中已有同名的年报表格名称（可能是复制工作表时带来的）。请在新工作表中插入。',
  ItemNotFound: '找不到所需的工作表或区域，可能已被删除。',
  InvalidArgument: '表格放不下：所选位置离工作表边缘太近，或区域已被修改。请换一个位置或插入到新工作表。',
  InvalidReference: '引用无效：表格所在区域可能已被删除。',
  ResponsePayloadSizeLimitExceeded: '一次读取的数据太多（网页版 Excel 的限制）。请把年报表格放在单独的工作表中再校验。',
  RequestPayloadSizeLimitExceeded: '一次写入的数据太多（网页版 Excel 的限制）。请分几次插入表格。',
  Conflict: 'Excel 正忙于其他修改，请稍后重试。',
  GeneralException: 'Excel 无法完成此操作，请稍后重试。',
};

/** The Chinese message for anything an Excel batch may throw. */
export function describeExcelError(e: unknown): string {
  if (e instanceof UserFacingError) return e.message;
  const code = (e as { code?: string } | null)?.code;
  if (code && BY_CODE[code]) return BY_CODE[code];
  const message = (e as Error | null)?.message ?? String(e);
  return `操作未完成：${message}`;
}
