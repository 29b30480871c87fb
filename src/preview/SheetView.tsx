import { useCallback, useEffect, useRef, useState, KeyboardEvent } from 'react';
import { MemoryHost } from '../excel/memory';
import { a1, columnLetters, parseA1 } from '../report/standard/a1';
import { parseTsv } from '../report/recognise/recognise';

/**
 * A worksheet as Excel would show it, drawn from the in-memory workbook: merges, borders, fills,
 * number formats and the conditional-format highlights, evaluated by the workbook's own formula
 * engine (the view never asks the validator). Typing goes through the workbook's simulated user, so
 * data validation refuses what Excel would refuse and change events fire as in Excel.
 */
export interface SheetViewProps {
  host: MemoryHost;
  sheet: string;
  version: number;
  onRefused: (message: string) => void;
}

interface Pos {
  row: number;
  col: number;
}

const PT = 1.33; // CSS px per point

function parseCell(address: string): Pos {
  return parseA1(address.split('!').pop()!);
}

function parseRange(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = address.split('!').pop()!.split(':');
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** An edit in a cell: where, its text, and whether it began by typing (then the arrows commit and move, as in Excel). */
interface Edit {
  pos: Pos;
  text: string;
  typed: boolean;
}

/** Where a key moves the active cell: the arrows, Enter (down), Tab (right; Shift+Tab left). */
function moveOf(e: { key: string; shiftKey: boolean }): Pos | null {
  const moves: Record<string, Pos> = {
    ArrowUp: { row: -1, col: 0 },
    ArrowDown: { row: 1, col: 0 },
    ArrowLeft: { row: 0, col: -1 },
    ArrowRight: { row: 0, col: 1 },
    Enter: { row: 1, col: 0 },
    Tab: { row: 0, col: e.shiftKey ? -1 : 1 },
  };
  return moves[e.key] ?? null;
}

const BORDER = (b: { style: string; color: string }) => (b.style && b.style !== 'None' ? `1px solid ${b.color || '#000'}` : undefined);

export function SheetView({ host, sheet, version, onRefused }: SheetViewProps) {
  const [editing, setEditingState] = useState<Edit | null>(null);
  // The edit in progress, readable synchronously: Enter commits, then the input's blur must not commit
  // again; keys typed before the cell's input has the focus go to it, not to a new edit.
  const editRef = useRef<Edit | null>(null);
  const setEditing = (e: Edit | null) => {
    editRef.current = e;
    setEditingState(e);
  };
  const gridRef = useRef<HTMLDivElement>(null);
  /**
   * Where the keys go while no cell is being edited: an input method (Chinese) composes only in an
   * editable element, so the grid's focus is this hidden field. What it composes opens the cell, as
   * in Excel, without a double-click; other keys are the grid's (onGridKey).
   */
  const sinkRef = useRef<HTMLTextAreaElement>(null);
  const focusGrid = () => sinkRef.current?.focus({ preventScroll: true });
  const [composing, setComposing] = useState<string | null>(null);
  // Esc was pressed in the grid: the next Tab leaves it.
  const leaving = useRef(false);
  const sel = host.selection();
  const selRange = sel.sheet === sheet ? parseRange(sel.address) : { top: 0, left: 0, bottom: 0, right: 0 };
  // Several areas after a finding's cells were selected exactly (RangeAreas.select).
  const selAreas = sel.sheet === sheet ? host.selectionAreas() : [];
  const areaRanges = selAreas.map(parseRange);
  const active: Pos = { row: selRange.top, col: selRange.left };
  const used = host.usedRange(sheet);
  const rows = Math.max(used.rowCount + 5, 30);
  const cols = Math.max(used.columnCount + 2, 12);

  const select = useCallback((p: Pos) => host.userSelect(sheet, a1(Math.max(0, p.row), Math.max(0, p.col))), [host, sheet]);

  const commit = useCallback(
    (move: Pos) => {
      const editing = editRef.current;
      if (!editing) return;
      host.setCellEditMode(false);
      const address = a1(editing.pos.row, editing.pos.col);
      performance.mark('xxgk-edit');
      const r = host.userEdit(sheet, address, editing.text);
      setEditing(null);
      if (!r.accepted) {
        onRefused(r.message ?? '输入的值无效。');
        select(editing.pos);
      } else select({ row: editing.pos.row + move.row, col: editing.pos.col + move.col });
      sinkRef.current?.focus({ preventScroll: true });
    },
    [host, sheet, onRefused, select],
  );

  const startEdit = (pos: Pos, text?: string) => {
    const c = host.cell(sheet, a1(pos.row, pos.col));
    host.setCellEditMode(true);
    setEditing({ pos, text: text ?? c.formula ?? (c.value === null ? '' : String(c.value)), typed: text !== undefined });
  };

  /** The active cell as the workbook has it now (a render's `active` may be a keystroke behind). */
  const activeNow = (): Pos => {
    const s = host.selection();
    const r = s.sheet === sheet ? parseRange(s.address) : { top: 0, left: 0 };
    return { row: r.top, col: r.left };
  };

  useEffect(() => {
    if (!editing) focusGrid();
  }, [sheet, editing]);

  /** Text the hidden field received (an input method's result, an on-screen keyboard): the active cell's new entry. */
  const fromSink = (text: string) => {
    if (sinkRef.current) sinkRef.current.value = '';
    setComposing(null);
    if (text && !editRef.current) startEdit(activeNow(), text);
  };

  // As Excel does: a selection made elsewhere (a finding clicked, tables recognised) is scrolled into view.
  const selKey = `${sel.sheet}!${selAreas.join(',')}`;
  useEffect(() => {
    const grid = gridRef.current;
    const cell = grid?.querySelector(`td[data-address="${a1(active.row, active.col)}"]`);
    if (!grid || !cell) return;
    const g = grid.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    // A step past the edge scrolls by that step; a jump puts the selection near the top, below the column letters.
    const far = c.top > g.bottom + c.height || c.bottom < g.top;
    if (far) grid.scrollTop += c.top - g.top - 2 * c.height;
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selKey]);

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    // Esc, then Tab, leaves the grid (Tab alone moves between cells, as in Excel): no keyboard trap.
    if (e.key === 'Escape' && !editRef.current) {
      leaving.current = true;
      return;
    }
    if (e.key === 'Tab' && leaving.current) {
      leaving.current = false;
      return;
    }
    leaving.current = false;
    const m = moveOf(e);
    const printable = e.key.length === 1 && !e.ctrlKey && !e.metaKey;
    const current = editRef.current;
    if (current) {
      // Typed faster than the cell's input took the focus (120 ⇥ 15 ⇥ 0 ↵): the keys are the edit's.
      if (printable) {
        e.preventDefault();
        setEditing({ ...current, text: current.text + e.key });
      } else if (m) {
        e.preventDefault();
        commit(m);
      }
      return;
    }
    const here = activeNow();
    if (m) {
      e.preventDefault();
      select({ row: here.row + m.row, col: here.col + m.col });
    } else if (e.key === 'Process' || e.nativeEvent.isComposing) {
      // An input method composes in the hidden field; its result opens the cell (fromSink).
    } else if (e.key === 'F2') {
      e.preventDefault();
      startEdit(here);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      // Ctrl+Z undoes the last typing or paste, as in Excel.
      e.preventDefault();
      performance.mark('xxgk-edit');
      host.userUndo();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      performance.mark('xxgk-edit');
      host.userEdit(sheet, a1(here.row, here.col), null);
    } else if (printable) {
      e.preventDefault();
      startEdit(here, e.key);
    }
  };

  const covered = new Set<string>();
  for (const m of host.merges(sheet)) {
    const r = parseRange(m);
    for (let i = r.top; i <= r.bottom; i++)
      for (let j = r.left; j <= r.right; j++) if (i !== r.top || j !== r.left) covered.add(`${i},${j}`);
  }
  const activeCell = host.cell(sheet, a1(active.row, active.col));

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0 }} data-version={version}>
      <div style={{ display: 'flex', gap: 8, padding: '4px 8px', borderBottom: '1px solid #ddd', fontSize: 13, alignItems: 'center' }}>
        <span aria-label="名称框" style={{ minWidth: 60, border: '1px solid #ccc', padding: '2px 6px' }} data-testid="namebox">
          {selAreas.join(',')}
        </span>
        <span
          aria-label="编辑栏"
          data-testid="formulabar"
          style={{ flex: 1, border: '1px solid #ccc', padding: '2px 6px', minHeight: 18, overflow: 'hidden', whiteSpace: 'nowrap' }}
        >
          {activeCell.formula ?? (activeCell.value === null ? '' : String(activeCell.value))}
        </span>
      </div>
      <div
        ref={gridRef}
        // Focusable by a click, never by Tab: Tab reaches the hidden field, which holds the grid's focus.
        tabIndex={-1}
        onFocus={(e) => {
          if (e.target === gridRef.current) focusGrid();
        }}
        role="grid"
        // Tab moves between cells here, as in Excel: Fluent's focus manager (tabster), which handles
        // Tab for the whole page and would take the focus out of the grid, leaves this subtree alone.
        data-tabster='{"uncontrolled":{}}'
        aria-label={`工作表 ${sheet}`}
        aria-description="Tab 和方向键在单元格之间移动；按 Esc 后再按 Tab 离开表格"
        onKeyDown={onGridKey}
        onPaste={(e) => {
          // Text copied from Word, a web page or Excel arrives tab-separated: paste it from the active cell.
          const text = e.clipboardData.getData('text/plain');
          if (!text || editing) return;
          e.preventDefault();
          const rows = parseTsv(text);
          const width = Math.max(...rows.map((r) => r.length));
          performance.mark('xxgk-edit');
          host.userPaste(
            sheet,
            a1(active.row, active.col),
            rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
          );
        }}
        style={{ overflow: 'auto', flex: 1, outline: 'none' }}
      >
        <textarea
          ref={sinkRef}
          aria-label={`工作表 ${sheet} 的单元格输入`}
          autoComplete="off"
          spellCheck={false}
          onCompositionStart={() => setComposing('')}
          onCompositionUpdate={(e) => setComposing(e.data)}
          onCompositionEnd={(e) => fromSink(e.data)}
          onInput={(e) => {
            if (!(e.nativeEvent as InputEvent).isComposing) fromSink(e.currentTarget.value);
          }}
          // In the grid's corner, invisible: it only receives the keys.
          style={{
            position: 'sticky',
            top: 0,
            left: 0,
            width: 1,
            height: 1,
            padding: 0,
            border: 0,
            opacity: 0,
            resize: 'none',
            display: 'block',
            marginBottom: -1,
          }}
        />
        <table
          style={{
            borderCollapse: 'collapse',
            tableLayout: 'fixed',
            fontSize: 12,
            width: 36 + Array.from({ length: cols }, (_, c) => Math.round(host.columnWidth(sheet, c) * PT)).reduce((a, b) => a + b, 0),
          }}
        >
          <colgroup>
            <col style={{ width: 36 }} />
            {Array.from({ length: cols }, (_, c) => (
              <col key={c} style={{ width: Math.round(host.columnWidth(sheet, c) * PT) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th style={{ background: '#f3f3f3', border: '1px solid #ddd' }} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} style={{ background: '#f3f3f3', border: '1px solid #ddd', fontWeight: 400, color: '#555' }}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} style={{ height: Math.round(host.rowHeight(sheet, r) * PT) }}>
                <th style={{ background: '#f3f3f3', border: '1px solid #ddd', fontWeight: 400, color: '#555' }}>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  if (covered.has(`${r},${c}`)) return null;
                  const address = a1(r, c);
                  const cell = host.cell(sheet, address);
                  const span = cell.merge ? parseRange(cell.merge.address) : null;
                  const inSel = areaRanges.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
                  const isActive = r === active.row && c === active.col;
                  const isEditing = editing && editing.pos.row === r && editing.pos.col === c;
                  const numeric = typeof cell.value === 'number';
                  const align =
                    cell.horizontalAlignment && cell.horizontalAlignment !== 'General'
                      ? cell.horizontalAlignment.toLowerCase()
                      : numeric
                        ? 'right'
                        : 'left';
                  // As in Excel, unwrapped left-aligned text runs on over the empty cells to its right.
                  let spill = 0;
                  if (!numeric && !cell.wrap && !span && align === 'left' && cell.text) {
                    for (let k = c + 1; k < cols; k++) {
                      const next = a1(r, k);
                      if (covered.has(`${r},${k}`) || host.cell(sheet, next).text || host.cell(sheet, next).merge) break;
                      spill += Math.round(host.columnWidth(sheet, k) * PT);
                    }
                  }
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-address={address}
                      data-highlight={cell.highlight ? (cell.highlight.fill ?? '') : undefined}
                      aria-selected={inSel}
                      rowSpan={span ? span.bottom - span.top + 1 : undefined}
                      colSpan={span ? span.right - span.left + 1 : undefined}
                      onMouseDown={() => select({ row: r, col: c })}
                      onDoubleClick={() => startEdit({ row: r, col: c })}
                      style={{
                        background: cell.displayFill ?? undefined,
                        color: cell.highlight?.fontColor ?? undefined,
                        fontWeight: cell.bold ? 600 : undefined,
                        textAlign: align === 'center' || align === 'right' || align === 'left' ? align : undefined,
                        verticalAlign: 'middle',
                        whiteSpace: cell.wrap ? 'normal' : 'nowrap',
                        overflow: spill ? 'visible' : 'hidden',
                        padding: '0 3px',
                        borderTop: BORDER(cell.borders.EdgeTop) ?? '1px solid #eee',
                        borderLeft: BORDER(cell.borders.EdgeLeft) ?? '1px solid #eee',
                        borderBottom: BORDER(cell.borders.EdgeBottom) ?? '1px solid #eee',
                        borderRight: BORDER(cell.borders.EdgeRight) ?? '1px solid #eee',
                        outline: isActive ? '2px solid #217346' : inSel ? '1px solid #217346' : undefined,
                        outlineOffset: -2,
                        boxShadow: inSel && !isActive ? 'inset 0 0 0 999px rgba(33,115,70,0.12)' : undefined,
                      }}
                    >
                      {isEditing ? (
                        <input
                          autoFocus
                          aria-label={`编辑 ${address}`}
                          value={editing.text}
                          onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                          onKeyDown={(e) => {
                            // The cell's keys are its own: the grid must not move again on the same Enter.
                            e.stopPropagation();
                            const m = moveOf(e);
                            // Enter and Tab commit and move; the arrows too when the edit began by typing (Excel's 输入 mode).
                            if (m && (e.key === 'Enter' || e.key === 'Tab' || editing.typed)) {
                              e.preventDefault();
                              commit(m);
                            } else if (e.key === 'Escape') {
                              host.setCellEditMode(false);
                              setEditing(null);
                            }
                          }}
                          onBlur={() => commit({ row: 0, col: 0 })}
                          style={{
                            width: '100%',
                            boxSizing: 'border-box',
                            border: 'none',
                            outline: 'none',
                            font: 'inherit',
                            background: '#fff',
                          }}
                        />
                      ) : isActive && composing ? (
                        // What the input method is composing, shown where it will go.
                        <span data-composing style={{ textDecoration: 'underline', background: '#fff' }}>
                          {composing}
                        </span>
                      ) : spill ? (
                        <span
                          data-spill
                          style={{
                            position: 'relative',
                            zIndex: 1,
                            display: 'inline-block',
                            overflow: 'hidden',
                            verticalAlign: 'middle',
                            maxWidth: Math.round(host.columnWidth(sheet, c) * PT) + spill - 6,
                            background: cell.displayFill ?? undefined,
                          }}
                        >
                          {cell.text}
                        </span>
                      ) : (
                        cell.text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
