/**
 * The address of the ribbon 校验 result dialog, with the summary in a query parameter.
 *
 * Not the URL fragment: hosts have dropped or mangled fragments of dialog URLs before
 * (https://github.com/OfficeDev/office-js/issues/2284, #3057). messageChild (DialogApi 1.2) is not in
 * Excel 2019, and the task pane and dialog may not share localStorage (Safari, and storage partitioning
 * in Chromium 115+). Query parameters are the documented way that works everywhere:
 * https://learn.microsoft.com/office/dev/add-ins/develop/parent-to-dialog ("Use query parameters").
 *
 * The JSON is sent as base64url of its UTF-8 bytes: no character needs escaping (escaped line breaks
 * in a dialog URL's query made Excel on the web fail with 5001,
 * https://github.com/OfficeDev/office-js/issues/2762), and Chinese text takes 4 characters per
 * character instead of 9.
 */

export interface DialogSummary {
  title: string;
  lines: string[];
}

/** The query parameter that carries the summary (Office appends its own `_host_Info` after ours). */
export const RESULT_PARAM = 'r';

/**
 * The longest dialog URL we build. Office documents no limit; Windows' URL APIs used by older hosts
 * stop at 2,083 characters, and Office appends `_host_Info=…` (about 100 characters), so we keep well
 * under that.
 */
export const MAX_DIALOG_URL = 1800;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** UTF-8 bytes of a string (no TextEncoder: Edge Legacy, which Office 2019 may use, lacks it). */
function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** base64url without padding. */
export function base64url(s: string): string {
  const b = utf8(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    if (i + 1 < b.length) out += B64[(n >> 6) & 63];
    if (i + 2 < b.length) out += B64[n & 63];
  }
  return out;
}

function urlFor(pageUrl: string, summary: DialogSummary): string {
  const url = new URL(pageUrl);
  url.hash = '';
  url.search = `?${RESULT_PARAM}=${base64url(JSON.stringify(summary))}`;
  return url.toString();
}

/**
 * The dialog's URL for a summary made with at most `maxLines` lines (checkSummary): as many lines as
 * fit in MAX_DIALOG_URL, the rest counted in its last line ("另有 N 条").
 */
export function resultDialogUrl(pageUrl: string, summaryWith: (maxLines: number) => DialogSummary, maxLines = 8): string {
  for (let n = maxLines; n >= 0; n--) {
    const url = urlFor(pageUrl, summaryWith(n));
    if (url.length <= MAX_DIALOG_URL) return url;
  }
  const { title } = summaryWith(0);
  return urlFor(pageUrl, { title: title.length > 60 ? `${title.slice(0, 60)}……` : title, lines: ['结果较长，请点击“打开助手”查看全部。'] });
}
