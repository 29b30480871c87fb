import { MemoryHost } from '../excel/memory';
import { parseNameReference, parseTableName } from '../report/look/tableNames';
import { consistentReport, seededRandom } from '../report/standard/generate';
import { a1 } from '../report/standard/a1';
import { tableLayout } from '../report/look/layout';
import { CellValue } from '../report/standard/report';
import { CellId, FormatVersion } from '../report/standard/formats';

/** Two slips of the kind published reports make: 第一项 of 自然人 one too high, a 复议 total one too low. */
export const EXAMPLE_SLIPS: { id: CellId; delta: number }[] = [
  { id: 'T3.NEW.NP', delta: 1 },
  { id: 'T4.RV.TOT', delta: -1 },
];

/**
 * Fills the templates of the active sheet with a realistic report (some numbers inconsistent), by
 * pasting into the cells as a person would, so the live check runs as in Excel. Returns how many
 * tables it filled.
 */
export function fillExample(host: MemoryHost, seed = 2024): number {
  const sheet = host.activeSheetName();
  const names = host.names().filter((n) => n.scope === sheet);
  let filled = 0;
  const reports = new Map<FormatVersion, ReturnType<typeof consistentReport>>();
  for (const n of names) {
    const id = parseTableName(n.name);
    const ref = parseNameReference(n.reference);
    if (!id || !ref) continue;
    if (!reports.has(id.version)) reports.set(id.version, consistentReport(id.version, seededRandom(seed), 30));
    const report = reports.get(id.version)!;
    const values = new Map<CellId, CellValue>(Object.entries(report.cells) as [CellId, CellValue][]);
    for (const slip of EXAMPLE_SLIPS) {
      const v = values.get(slip.id);
      if (typeof v === 'number') values.set(slip.id, Math.max(0, v + slip.delta));
    }
    for (const d of tableLayout(id.version, id.table).data) {
      const address = a1(ref.top + d.row, ref.left + d.col);
      if (host.cell(sheet, address).formula) continue; // totals written as formulas stay formulas
      host.userPaste(sheet, address, [[values.get(d.id) ?? null]]);
    }
    filled++;
  }
  return filled;
}
