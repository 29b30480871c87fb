// The order of a table's columns as its header labels give it, for tables whose columns are not
// in the standard order (two columns swapped in a pasted 表三 or 表四). Pure.

/** A header label found in the grid: the column (or group) it names and where it is. */
export interface HeadLabel {
  id: string;
  row: number;
  col: number;
}

/**
 * standard: the header agrees with the standard order (or names no column): read as today.
 * order: every column is named, in another order: `ids` left to right.
 * uncertain: the header is not in the standard order and does not tell every column's place.
 */
export type HeaderOrder = { kind: 'standard' } | { kind: 'order'; ids: string[] } | { kind: 'uncertain' };

/** A label that stands for several columns named on a row below it (法人或其他组织, 行政诉讼). */
export interface GroupLabel {
  marker: string;
  members: readonly string[];
}

/** Whether `seq` is `standard` with some items left out (in the same relative order). */
export function isSubsequence(seq: readonly string[], standard: readonly string[]): boolean {
  let k = 0;
  for (const id of seq) {
    while (k < standard.length && standard[k] !== id) k++;
    if (k === standard.length) return false;
    k++;
  }
  return true;
}

/** Whether the labels sit in distinct columns, so that their columns give their order. */
export function distinctColumns(heads: readonly HeadLabel[]): boolean {
  const cols = new Set(heads.map((h) => h.col));
  return cols.size === heads.length;
}

/**
 * The order of the columns named by `heads` (one label per column; `group.marker` for a group
 * label). In a grid whose header labels sit in distinct columns, their columns give the order
 * (“positional”); otherwise (a flattened copy, text lines) each line is read left to right, and a
 * group label's members, on the line below it, take its place. Lines give an order only when they
 * are one line, or a line with the group label above a line of only its members. `floating` labels
 * span every header row, so a flattened copy may read them on any line.
 */
export function headerOrder(
  heads: readonly HeadLabel[],
  standard: readonly string[],
  group?: GroupLabel,
  mode?: 'positional' | 'lines',
  floating: readonly string[] = [],
): HeaderOrder {
  const labels = heads.filter((h) => h.id !== group?.marker);
  if (labels.length === 0) return { kind: 'standard' };
  const positional = mode ? mode === 'positional' : distinctColumns(labels);
  const sorted = [...heads].sort((a, b) => (positional ? a.col - b.col || a.row - b.row : a.row - b.row || a.col - b.col));
  // A label that spans every header row (自然人, 总计) is read on whichever line a copy puts it: in a
  // flattened copy its place among the lines says nothing about its column.
  // Only a label on a line above every other column label floats: on a shared line its place counts
  // (总计 before 自然人 on one line is a swapped header, not a spanning cell).
  if (!positional && floating.length) {
    const columnRows = heads.filter((h) => !floating.includes(h.id) && h.id !== group?.marker).map((h) => h.row);
    const above = sorted.filter((h) => floating.includes(h.id) && columnRows.every((r) => h.row < r));
    const fixed = (ids: readonly string[]) => ids.filter((id) => !above.some((h) => h.id === id) && id !== group?.marker);
    const seqFixed = fixed(sorted.map((h) => h.id));
    // Floating labels sharing a line keep their order there (总计 before 自然人 is a swap); on different lines they say nothing.
    const aboveInOrder = [...new Set(above.map((h) => h.row))].every((row) =>
      isSubsequence(
        above.filter((h) => h.row === row).map((h) => h.id),
        standard,
      ),
    );
    if (above.length && aboveInOrder && seqFixed.length > 0 && isSubsequence(seqFixed, fixed(standard))) return { kind: 'standard' };
  }
  let linesOk = true;
  if (!positional) {
    const rows = [...new Set(labels.map((h) => h.row))].sort((a, b) => a - b);
    if (rows.length > 2) linesOk = false;
    else if (rows.length === 2) {
      const marker = heads.find((h) => h.id === group?.marker);
      linesOk =
        !!group &&
        !!marker &&
        marker.row <= rows[0] &&
        labels.filter((h) => h.row === rows[1]).every((h) => group.members.includes(h.id)) &&
        labels.filter((h) => h.row === rows[0]).every((h) => !group.members.includes(h.id));
    }
  }
  let seq = sorted.map((h) => h.id);
  // Labels on one line give the order themselves: the group label's own place (on a line of its
  // own, its first cell) says nothing about its members'.
  if (group && new Set(labels.map((h) => h.row)).size === 1) seq = seq.filter((id) => id !== group.marker);
  if (group && seq.includes(group.marker)) {
    const members = seq.filter((id) => group.members.includes(id));
    const rest = seq.filter((id) => !group.members.includes(id));
    const at = rest.indexOf(group.marker);
    seq = [...rest.slice(0, at), ...members, ...rest.slice(at + 1).filter((id) => id !== group.marker)];
  }
  if (isSubsequence(seq, standard)) return { kind: 'standard' };
  if (!linesOk) return { kind: 'uncertain' };
  const complete = seq.length === standard.length && standard.every((id) => seq.includes(id));
  return complete ? { kind: 'order', ids: seq } : { kind: 'uncertain' };
}
