// The kinds of file people send: the extension of a name, the hint for the kinds no reader takes,
// and what a failed read of a file means. Used wherever files arrive (the command's folders, the task
// pane, the web page).

/** The extension of a file name (a path or a bare name), lower case, with its dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

const OLD_WORKBOOK = '不支持此格式的工作簿，请在 Excel 或 WPS 中“另存为” .xlsx 后再校验';
const DOCUMENT = '不支持此格式的文字文档，请在 Word 或 WPS 中另存为 .docx 后再校验';
const OLD_DOCUMENT = '不支持旧版 Word 文档（.doc），请在 Word 中另存为 .docx 后再校验';
const HINTS: Record<string, string> = {
  '.xls': '不支持旧版 .xls 工作簿，请在 Excel 或 WPS 中“另存为” .xlsx 后再校验',
  '.et': '不支持 WPS 表格的 .et 格式，请在 WPS 中“另存为” .xlsx 后再校验',
  '.ett': OLD_WORKBOOK,
  '.xlt': OLD_WORKBOOK,
  '.xltx': OLD_WORKBOOK,
  '.xlsb': OLD_WORKBOOK,
  '.ods': OLD_WORKBOOK,
  '.csv': '不支持 .csv 文件（没有合并单元格，编码也常不确定），请在 Excel 中“另存为” .xlsx，或把表格粘贴到文本文件中保存为 .txt 后再校验',
  '.doc': OLD_DOCUMENT,
  '.wps': DOCUMENT,
  '.rtf': DOCUMENT,
  '.ofd': '不支持 OFD 文件，请使用年报的 Excel 或 Word 原稿（把统计表格复制到 Excel 中另存为 .xlsx）',
};

/** The Chinese hint for a file of a kind people send but the command cannot read; undefined for others. */
export function otherKindHint(file: string): string | undefined {
  return HINTS[extensionOf(file)];
}

/** What a file system error (its code) means for the user, in Chinese; null for a code not known here. */
export function errnoReason(code: string | undefined): string | null {
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'ENOTDIR') return '文件不存在（路径中的某一级不是文件夹）';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'ELOOP') return '符号链接循环，无法打开';
  if (code === 'ENAMETOOLONG') return '路径过长';
  if (code === 'EISDIR') return '这是一个文件夹';
  if (code === 'EIO') return '读取文件时发生输入输出错误（磁盘或网络驱动器出错），请把文件复制到本机后再校验';
  return null;
}
