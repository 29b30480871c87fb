/**
 * Rows inserted into or deleted from a sheet by the user, and everything that refers to them
 * adjusted as Excel does: the formulas of the whole workbook and the defined names, merges,
 * conditional formats (their ranges and the cell their formula is written for), row heights and the
 * selection, manual page breaks. Inserted rows take the formats of the row above them.
 */
import { MAX_ROWS, Rect, isEntireColumns } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import { SheetEdit, adjustFormulaForEdit, adjustInterval, shiftFormula } from '../formula/rewrite';
import { CellData, DvState, cellKey, isDefaultCell, keyCol, keyRow } from './cells';
import { SheetModel } from './sheet';
import type { Workbook } from './workbook';

export function editRows(wb: Workbook, s: SheetModel, kind: 'insert' | 'delete', index: number, count: number): void {
  if (!(count > 0) || index < 0 || index + count > MAX_ROWS || !Number.isInteger(index) || !Number.isInteger(count))
    throw new MemOfficeError('InvalidArgument', `Invalid row ${kind}: index ${index}, count ${count}`);
  const edit: SheetEdit = { sheet: s.name, axis: 'row', kind, index, count };
  if (kind === 'delete') reanchorConditionalFormats(s, index, count);
  wb.rewriteAllFormulas((f, host) => adjustFormulaForEdit(f, host ? host.name : undefined, edit));
  moveCells(s, edit);
  if (kind === 'insert' && index > 0) formatLikeRowAbove(s, index, count);
  moveRects(s, edit);
  moveRowHeights(s, edit);
  movePageBreaks(s, edit);
  wb.touch();
  wb.events.emitChanged(s, `${index + 1}:${index + count}`, kind === 'insert' ? 'RowInserted' : 'RowDeleted');
}

/** Conditional formats written for a deleted row are written for the first row after the deleted ones. */
function reanchorConditionalFormats(s: SheetModel, index: number, count: number): void {
  for (const cf of s.cfs)
    if (cf.anchorRow >= index && cf.anchorRow < index + count) {
      const d = index + count - cf.anchorRow;
      cf.formula = shiftFormula(cf.formula, d, 0);
      cf.anchorRow += d;
    }
}

function moveCells(s: SheetModel, edit: SheetEdit): void {
  const moved = new Map<number, CellData>();
  for (const [k, c] of s.cells) {
    const row = adjustInterval(keyRow(k), keyRow(k), edit);
    if (row && row[0] < MAX_ROWS) moved.set(cellKey(row[0], keyCol(k)), c);
  }
  s.cells = moved;
}

/** "Format same as above"; data validation continues only when the rows on both sides have the same rule. */
function formatLikeRowAbove(s: SheetModel, index: number, count: number): void {
  for (const [k, c] of [...s.cells]) {
    if (keyRow(k) !== index - 1) continue;
    const col = keyCol(k);
    const below = s.cells.get(cellKey(index + count, col));
    for (let i = 0; i < count; i++) {
      const copy: CellData = { ...c, value: null, formula: null, borders: { ...c.borders }, dv: null };
      if (c.dv && below?.dv && sameDvRule(c.dv, below.dv)) {
        const d = i + 1;
        copy.dv = {
          ...c.dv,
          formula1: c.dv.formula1 && shiftFormula(c.dv.formula1, d, 0),
          formula2: c.dv.formula2 && shiftFormula(c.dv.formula2, d, 0),
        };
      }
      if (!isDefaultCell(copy)) s.cells.set(cellKey(index + i, col), copy);
    }
  }
}

/** Same kind of rule, with the same formulas up to where their references point. */
function sameDvRule(a: DvState, b: DvState): boolean {
  if (a.type !== b.type || a.operator !== b.operator || a.listSource !== b.listSource) return false;
  const norm = (f?: string) => (f ?? '').replace(/\$?[A-Z]{1,3}\$?\d+/g, 'R');
  return norm(a.formula1) === norm(b.formula1) && norm(a.formula2) === norm(b.formula2);
}

/** Merges, conditional format ranges and the selection; entire columns keep their extent. */
function moveRects(s: SheetModel, edit: SheetEdit): void {
  const move = (r: Rect): Rect | null => {
    if (isEntireColumns(r)) return r;
    const rows = adjustInterval(r.r0, r.r1, edit);
    return rows ? { ...r, r0: rows[0], r1: Math.min(rows[1], MAX_ROWS - 1) } : null;
  };
  s.merges = s.merges.map(move).filter((m): m is Rect => !!m && !(m.r0 === m.r1 && m.c0 === m.c1));
  for (const cf of s.cfs) {
    cf.rects = cf.rects.map(move).filter((x): x is Rect => !!x);
    const anchor = adjustInterval(cf.anchorRow, cf.anchorRow, edit);
    if (anchor) cf.anchorRow = anchor[0];
  }
  s.cfs = s.cfs.filter((cf) => cf.rects.length > 0);
  s.selectionAreas = null;
  const row = Math.min(edit.index, MAX_ROWS - 1);
  s.selection = move(s.selection) ?? { r0: row, c0: s.selection.c0, r1: row, c1: s.selection.c0 };
}

/** Heights move with their rows; inserted rows take the height of the row above. */
/** A manual page break moves with the row after it, and goes when that row is deleted (assumed). */
function movePageBreaks(s: SheetModel, edit: SheetEdit): void {
  s.horizontalBreaks = s.horizontalBreaks.flatMap((b) => {
    const r = adjustInterval(b.row, b.row, edit);
    return r && r[0] > 0 && r[0] < MAX_ROWS ? [{ ...b, row: r[0] }] : [];
  });
}

function moveRowHeights(s: SheetModel, edit: SheetEdit): void {
  const heights = new Map<number, number>();
  for (const [i, h] of s.rowHeights) {
    const r = adjustInterval(i, i, edit);
    if (r) heights.set(r[0], h);
  }
  const above = s.rowHeights.get(edit.index - 1);
  if (edit.kind === 'insert' && above !== undefined) for (let i = 0; i < edit.count; i++) heights.set(edit.index + i, above);
  s.rowHeights = heights;
}
