import { FormatVersion, TABLE_IDS } from '../report/standard/formats';
import { layoutTextGrid, officialLayout } from '../report/look/layout';
import { Report } from '../report/standard/report';

/**
 * The three tables as tab-separated text: labels where the form puts them (its own columns: text has
 * no merges to make the sheet grid's wide columns), data cells empty or filled from `report`.
 */
export function templateTsv(version: FormatVersion, report?: Report): string {
  return (
    TABLE_IDS.map((t) => officialLayout(version, t))
      .map((l) => {
        const grid: string[][] = layoutTextGrid(l);
        for (const d of l.data) {
          const v = report?.cells[d.id];
          if (v !== undefined && v !== null) grid[d.row][d.col] = String(v);
        }
        return grid.map((row) => row.join('\t')).join('\n');
      })
      .join('\n\n') + '\n'
  );
}
