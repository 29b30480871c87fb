import { a1 } from '../../src/report/standard/a1';
import { FormatVersion, TABLE_IDS, TableId } from '../../src/report/standard/formats';
import { tableLayout } from '../../src/report/look/layout';
import { stackPlacements } from '../../src/report/look/placement';

// Where things are when all three tables are stacked from A1: as the add-in inserts them on a new
// sheet and the command writes its template (src/report/look/placement.ts stackPlacements).

/** The sheet row (0-based) where a table's grid starts. */
export function stackedTop(version: FormatVersion, table: TableId): number {
  return stackPlacements(version, [...TABLE_IDS], 0, 0).find((p) => p.table === table)!.row;
}

/** The sheet address of a data cell. */
export function stackedAddress(version: FormatVersion, id: string): string {
  for (const p of stackPlacements(version, [...TABLE_IDS], 0, 0)) {
    const d = tableLayout(version, p.table).data.find((x) => x.id === id);
    if (d) return a1(p.row + d.row, p.col + d.col);
  }
  throw new Error(`no data cell ${id} in the ${version} format`);
}
