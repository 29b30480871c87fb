import type { FormatVersion } from '../report/standard/formats';
import type { Report } from '../report/standard/report';
import { Verdict } from '../report/standard/verdict';
import { verdictLabel } from '../report/standard/verdictText';
import { sizeRefusal } from '../read/guard';
import { extensionOf, otherKindHint } from '../read/kinds';
import { FileResult, unreadableResult } from '../read/result';
import { countsOf, renderText } from '../cli/render';
import { exportRows, EXPORT_WIDTHS, toCsv } from './exportRows';
import { Core, startCore } from './pool';
import type { Answer, Outcome } from './protocol';

/* global document, window, Blob, URL, File, FileList, DataTransfer, FileSystemEntry, FileSystemFileEntry, FileSystemDirectoryEntry, TextEncoder, performance */

// The no-install checker page (年报校验.html): files dropped or chosen are checked by the core
// (pool.ts), each file's verdict and findings worded by the command's own rendering (src/cli/render.ts).

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

const SERIOUSNESS: Verdict[] = ['unreadable', 'errors', 'incomplete', 'passed'];
const rank = (r: FileResult) => SERIOUSNESS.indexOf(r.verdict);

/** A file to check: its name as shown (with its folders, as the command names a folder's files) and the file. */
interface Entry {
  name: string;
  file: File;
}

/** A file as dropped or chosen: in a folder, or named by the user. */
interface Found extends Entry {
  inFolder: boolean;
}

interface Row {
  outcome: Outcome;
  result: FileResult;
  /** Its index among its file's results (a workbook's sheets). */
  index: number;
  tr: HTMLTableRowElement;
  tick: HTMLInputElement;
}

const state = {
  entries: [] as Entry[],
  rows: [] as Row[],
  skipped: [] as { path: string; reason: string }[],
  lastYear: null as { name: string; report: Report } | null,
  running: false,
  cancelled: false,
};

let corePromise: Promise<Core>;

function download(name: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

function say(id: string, text: string, kind: 'info' | 'error' = 'info'): void {
  const el = $(id);
  el.textContent = text;
  el.hidden = !text;
  el.className = `message ${kind}`;
}

// ---- what is dropped or chosen ----

/** Whether a folder's file is checked, listed as skipped (with the command's hint), or passed over, as the command walks folders. */
function sortOut(found: Found[], extensions: string[]): Entry[] {
  const entries: Entry[] = [];
  for (const { name, file, inFolder } of found) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (inFolder && base.startsWith('~$')) continue;
    const ext = extensionOf(name);
    if (extensions.includes(ext) || !inFolder) entries.push({ name, file });
    else {
      const hint = otherKindHint(name);
      if (hint) state.skipped.push({ path: name, reason: hint });
    }
  }
  return entries;
}

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve) => {
    const more = () =>
      reader.readEntries(
        (batch) => {
          if (batch.length === 0) resolve(all);
          else {
            all.push(...batch);
            more();
          }
        },
        () => {
          state.skipped.push({ path: dir.fullPath.replace(/^\//, ''), reason: '无法打开文件夹，其中的文件没有校验' });
          resolve(all);
        },
      );
    more();
  });
}

const fileOf = (e: FileSystemFileEntry): Promise<File | null> => new Promise((resolve) => e.file(resolve, () => resolve(null)));

async function walkEntry(entry: FileSystemEntry, entries: Found[], inFolder: boolean): Promise<void> {
  const name = entry.fullPath.replace(/^\//, '');
  if (entry.isDirectory) {
    const children = await readAllEntries(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const c of children) await walkEntry(c, entries, true);
  } else {
    const file = await fileOf(entry as FileSystemFileEntry);
    if (file) entries.push({ name, file, inFolder });
    else state.skipped.push({ path: name, reason: '无法打开文件' });
  }
}

async function entriesOfDrop(data: DataTransfer): Promise<Found[]> {
  const entries: Found[] = [];
  const items = [...data.items].map((i) => i.webkitGetAsEntry?.() ?? null);
  if (items.every((i) => i !== null)) {
    for (const item of items) await walkEntry(item!, entries, false);
    return entries;
  }
  for (const file of [...data.files]) entries.push({ name: file.name, file, inFolder: false });
  return entries;
}

function entriesOfInput(files: FileList): Found[] {
  const list = [...files].map((file) => ({ file, name: file.webkitRelativePath || file.name, inFolder: !!file.webkitRelativePath }));
  // As the command walks a folder: in name order.
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

/** Files dropped or chosen: sorted out (kinds read, skipped with a hint), then checked. */
async function checkFound(found: Found[]): Promise<void> {
  const core = await corePromise;
  await checkEntries(sortOut(found, core.extensions));
}

// ---- checking ----

async function checkEntry(core: Core, entry: Entry): Promise<Outcome | null> {
  // A file past the command's size limits is not even loaded into memory.
  const tooLarge = sizeRefusal(entry.name, entry.file.size);
  if (tooLarge) return { file: entry.name, results: [], unreadable: tooLarge };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await entry.file.arrayBuffer());
  } catch {
    return { file: entry.name, results: [], unreadable: '无法读取文件（文件可能已被移动或删除，或没有读取权限）' };
  }
  const answer = await core.ask({ kind: 'check', name: entry.name, bytes, lastYear: state.lastYear?.report }, [
    bytes.buffer as ArrayBuffer,
  ]);
  if (answer.kind === 'cancelled') return null;
  if (answer.kind === 'check') return answer.outcome;
  return { file: entry.name, results: [], unreadable: answer.kind === 'failed' ? answer.reason : '内部错误：校验的回答不符' };
}

function progress(done: number, total: number, current: string): void {
  const bar = $<HTMLProgressElement>('bar');
  bar.max = total;
  bar.value = done;
  $('progress-text').textContent = done < total ? `正在读取 ${current}（${done + 1}/${total}）` : `已校验 ${total} 个文件`;
}

async function checkEntries(entries: Entry[]): Promise<void> {
  if (state.running) return;
  const known = new Set(state.entries.map((e) => e.name));
  const fresh = entries.filter((e) => !known.has(e.name) && (known.add(e.name), true));
  state.entries.push(...fresh);
  showSkipped();
  if (fresh.length === 0) return;
  const core = await corePromise;
  state.running = true;
  state.cancelled = false;
  $('progress').hidden = false;
  $<HTMLButtonElement>('cancel').disabled = false;
  $('results-section').hidden = false;
  const started = performance.now();
  let next = 0;
  let done = 0;
  progress(0, fresh.length, fresh[0].name);
  const lane = async () => {
    while (next < fresh.length && !state.cancelled) {
      const entry = fresh[next++];
      progress(done, fresh.length, entry.name);
      const outcome = await checkEntry(core, entry);
      if (!outcome) continue;
      addOutcome(outcome);
      done++;
      progress(done, fresh.length, fresh[Math.min(next, fresh.length - 1)].name);
    }
  };
  await Promise.all(Array.from({ length: core.parallel }, lane));
  state.running = false;
  $<HTMLButtonElement>('cancel').disabled = true;
  if (state.cancelled) {
    const left = fresh.length - done;
    $('progress-text').textContent = `已取消：${left} 个文件没有校验`;
    const unchecked = new Set(fresh.slice(0).map((e) => e.name));
    for (const r of state.rows) unchecked.delete(r.outcome.file);
    state.entries = state.entries.filter((e) => !unchecked.has(e.name));
  } else {
    $('progress-text').textContent = `已校验 ${fresh.length} 个文件，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`;
  }
  // Each finished run counted on the page (tests and the benchmark wait for it).
  document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  showCounts();
}

// ---- the results table ----

function resultsOf(outcome: Outcome): FileResult[] {
  return outcome.unreadable !== undefined ? [unreadableResult(outcome.file, outcome.unreadable)] : outcome.results;
}

function addOutcome(outcome: Outcome): void {
  const tbody = $('results').querySelector('tbody')!;
  resultsOf(outcome).forEach((result, index) => {
    const row = makeRow(outcome, result, index);
    // Worst first, then in the order the files came.
    const before = state.rows.find((r) => rank(r.result) > rank(result));
    if (before) {
      tbody.insertBefore(row.tr, before.tr);
      state.rows.splice(state.rows.indexOf(before), 0, row);
    } else {
      tbody.appendChild(row.tr);
      state.rows.push(row);
    }
  });
  showCounts();
}

function makeRow(outcome: Outcome, result: FileResult, index: number): Row {
  const tr = document.createElement('tr');
  tr.className = `verdict-${result.verdict}`;
  tr.dataset.file = result.file;
  tr.dataset.verdict = result.verdict;
  const c = countsOf(result);

  const tickCell = document.createElement('td');
  const tick = document.createElement('input');
  tick.type = 'checkbox';
  tick.title = '计入汇总';
  tick.setAttribute('aria-label', `汇总时计入 ${result.file}`);
  const summable = !!result.report && !result.rollup;
  // As `sum` does: a unit not wholly checked is summed only when 计入部分未校验的单位 is ticked.
  tick.checked = summable && (result.verdict !== 'incomplete' || $<HTMLInputElement>('include-incomplete').checked);
  tick.disabled = !summable;
  tickCell.appendChild(tick);

  const name = document.createElement('td');
  name.className = 'file';
  name.textContent = result.file;

  const verdict = document.createElement('td');
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = verdictLabel(result.verdict, c);
  verdict.appendChild(badge);

  const detail = document.createElement('td');
  detail.className = 'detail';
  if (result.verdict === 'unreadable') {
    detail.textContent = result.reason ?? '';
  } else {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = `错误 ${c.errors}，警告 ${c.warnings}，提示 ${c.infos}${c.unchecked ? `，未校验 ${c.unchecked}` : ''}`;
    const pre = document.createElement('pre');
    // The command's own text of this report, word for word.
    pre.textContent = renderText([result]).trimEnd();
    details.append(summary, pre);
    details.open = result.verdict !== 'passed' && state.rows.length < 30;
    detail.appendChild(details);
  }
  tr.append(tickCell, name, verdict, detail);
  return { outcome, result, index, tr, tick };
}

function showCounts(): void {
  const n = (v: Verdict) => state.rows.filter((r) => r.result.verdict === v).length;
  $('counts').textContent =
    `共 ${state.rows.length} 份报告：` + SERIOUSNESS.map((v) => `${verdictLabel(v, { warnings: 0 })} ${n(v)}`).join('，');
  $('rollup-section').hidden = state.rows.length === 0;
}

function showSkipped(): void {
  const list = $('skipped');
  list.replaceChildren(
    ...state.skipped.map((s) => {
      const li = document.createElement('li');
      li.textContent = `已跳过 ${s.path}：${s.reason}`;
      return li;
    }),
  );
  list.hidden = state.skipped.length === 0;
  if (state.skipped.length) $('results-section').hidden = false;
}

function clearResults(): void {
  state.entries = [];
  state.rows = [];
  state.skipped = [];
  $('results').querySelector('tbody')!.replaceChildren();
  showSkipped();
  $('results-section').hidden = true;
  $('rollup-section').hidden = true;
  $('progress').hidden = true;
  say('rollup-message', '');
  $('rollup-units').replaceChildren();
}

// ---- export, roll-up, templates, last year, pasted text ----

function exportNow(as: 'xlsx' | 'csv'): void {
  const rows = exportRows(
    state.rows.map((r) => r.result),
    state.skipped,
  );
  if (as === 'csv') {
    download('年报校验结果.csv', toCsv(rows), 'text/csv;charset=utf-8');
    return;
  }
  void corePromise
    .then((core) => core.ask({ kind: 'sheet', name: '校验结果', rows, widths: EXPORT_WIDTHS }))
    .then((a) => {
      if (a.kind === 'file') download('年报校验结果.xlsx', a.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      else say('export-message', `无法导出：${a.kind === 'failed' ? a.reason : '已取消'}`, 'error');
    });
}

async function rollupNow(): Promise<void> {
  const byFile = new Map<Outcome, number[]>();
  for (const r of state.rows) {
    if (!byFile.has(r.outcome)) byFile.set(r.outcome, []);
    if (r.tick.checked) byFile.get(r.outcome)!.push(r.index);
  }
  const files = state.entries
    .map((e) => [...byFile.keys()].find((o) => o.file === e.name))
    .filter((o): o is Outcome => !!o)
    .map((outcome) => ({ outcome, ticked: byFile.get(outcome)! }));
  const core = await corePromise;
  const includeIncomplete = $<HTMLInputElement>('include-incomplete').checked;
  const a: Answer = await core.ask({ kind: 'rollup', files, includeIncomplete });
  if (a.kind !== 'rollup') {
    say('rollup-message', `无法汇总：${a.kind === 'failed' ? a.reason : '已取消'}`, 'error');
    return;
  }
  const table = $('rollup-units');
  table.replaceChildren(
    ...a.lines.map((l) => {
      const tr = document.createElement('tr');
      for (const text of [l.name, l.verdict, l.summed]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      }
      return tr;
    }),
  );
  if (a.refusal || !a.bytes) {
    say('rollup-message', a.refusal ?? '无法汇总', 'error');
    return;
  }
  say('rollup-message', (a.summary ?? []).join('\n'));
  download('汇总.xlsx', a.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

async function template(version: FormatVersion, as: 'xlsx' | 'html'): Promise<void> {
  const core = await corePromise;
  const a = await core.ask({ kind: 'template', version, as });
  if (a.kind !== 'file') {
    say('template-message', `无法生成模板：${a.kind === 'failed' ? a.reason : '已取消'}`, 'error');
    return;
  }
  const name = as === 'xlsx' ? `年报表格（${version}版）.xlsx` : `年报表格（${version}版）.html`;
  download(name, a.bytes, as === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/html;charset=utf-8');
}

async function chooseLastYear(file: File): Promise<void> {
  const name = file.name;
  const tooLarge = sizeRefusal(name, file.size);
  const core = await corePromise;
  const bytes = tooLarge ? null : new Uint8Array(await file.arrayBuffer());
  const a = bytes ? await core.ask({ kind: 'lastYear', name, bytes }, [bytes.buffer as ArrayBuffer]) : null;
  if (!a || a.kind !== 'lastYear' || !a.read) {
    const why = tooLarge ?? (a?.kind === 'lastYear' ? a.unreadable : a?.kind === 'failed' ? a.reason : '已取消');
    say('last-year-status', `无法读取上年报告“${name}”：${why}`, 'error');
    return;
  }
  state.lastYear = { name, report: a.read.report };
  say('last-year-status', `上年报告：${name}（${a.read.report.format}版）。此后校验的文件按跨年度规则与它核对。`);
  $('clear-last-year').hidden = false;
  await recheck();
}

/** Checks again every file of the table (last year's report changed). */
async function recheck(): Promise<void> {
  if (state.running || state.entries.length === 0) return;
  const entries = state.entries;
  const skipped = state.skipped;
  clearResults();
  state.skipped = skipped;
  await checkEntries(entries);
}

async function checkPasted(): Promise<void> {
  const text = $<HTMLTextAreaElement>('paste').value;
  if (!text.trim()) return;
  const n = state.entries.filter((e) => e.name.startsWith('粘贴的文本')).length + 1;
  const name = `粘贴的文本${n > 1 ? n : ''}.txt`;
  // Checked as the command checks a .txt file of that text (UTF-8).
  const file = new File([new TextEncoder().encode(text) as BlobPart], name, { type: 'text/plain' });
  await checkEntries([{ name, file }]);
}

// ---- wiring ----

function wire(): void {
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer) void entriesOfDrop(e.dataTransfer).then(checkFound);
  });
  // A file dropped beside the area is not opened by the browser in place of the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  for (const id of ['files', 'folder']) {
    const input = $<HTMLInputElement>(id);
    input.addEventListener('change', () => {
      if (input.files) void checkFound(entriesOfInput(input.files));
      input.value = '';
    });
  }
  $('choose-files').addEventListener('click', () => $('files').click());
  $('choose-folder').addEventListener('click', () => $('folder').click());
  $('cancel').addEventListener('click', () => {
    state.cancelled = true;
    void corePromise.then((c) => c.cancel());
  });
  $('clear').addEventListener('click', clearResults);
  $('export-xlsx').addEventListener('click', () => exportNow('xlsx'));
  $('export-csv').addEventListener('click', () => exportNow('csv'));
  $('rollup').addEventListener('click', () => void rollupNow());
  $<HTMLInputElement>('include-incomplete').addEventListener('change', (e) => {
    const include = (e.target as HTMLInputElement).checked;
    for (const r of state.rows) if (r.result.verdict === 'incomplete' && !r.tick.disabled) r.tick.checked = include;
  });
  $('check-paste').addEventListener('click', () => void checkPasted());
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-template]')) {
    const [version, as] = b.dataset.template!.split('.') as [FormatVersion, 'xlsx' | 'html'];
    b.addEventListener('click', () => void template(version, as));
  }
  const lastYearInput = $<HTMLInputElement>('last-year-file');
  $('choose-last-year').addEventListener('click', () => lastYearInput.click());
  lastYearInput.addEventListener('change', () => {
    const f = lastYearInput.files?.[0];
    lastYearInput.value = '';
    if (f) void chooseLastYear(f);
  });
  $('clear-last-year').addEventListener('click', () => {
    state.lastYear = null;
    say('last-year-status', '未选择上年报告：跨年度规则（上年结转等）不核对。');
    $('clear-last-year').hidden = true;
    void recheck();
  });
}

function main(): void {
  wire();
  const source = $('xxgk-core').textContent ?? '';
  // A test may shorten the time a file may take (#time-limit=ms); nothing else is read from the address.
  const limit = /(?:^#|&)time-limit=(\d+)/.exec(window.location.hash)?.[1];
  corePromise = startCore(source, limit ? Number(limit) : undefined, () => $('xxgk-pdf').textContent ?? '');
  void corePromise.then(
    (core) => {
      if (core.degraded) say('degraded', core.degraded, 'error');
      document.body.dataset.core = core.degraded ? 'page' : 'workers';
    },
    () => say('degraded', '无法启动校验程序，请换用新版的 Chrome、Edge 或其他 Chromium 内核的浏览器', 'error'),
  );
}

main();
