// What the page says of the files it does not read itself.

/** PDF is read by the command only (pdf.js would weigh more than the whole page). */
export const PDF_HINT = '网页版不读取 PDF 文件，请用命令行工具 xxgk-report 校验，或使用年报的 Word（.docx）或网页（.html）版本';
