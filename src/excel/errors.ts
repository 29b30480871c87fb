/** A problem to show the user as it is: its message is Chinese and says what to do. */
export class UserFacingError extends Error {}

const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。',
  AccessDenied: '工作表受保护，无法写入。请先在“审阅”选项卡中撤销工作表保护，再重试。',
  ItemNotFound: '找不到所需的工作表或区域，可能已被删除或重命名。',
  InvalidArgument: '参数无效：表格所在区域可能已被修改。',
  InvalidReference: '引用无效：表格所在区域可能已被删除。',
  Conflict: '名称冲突：工作簿中已有同名的表格。',
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
