import { FormatVersion } from '../report/formats';
import { allLayouts, layoutTextGrid } from '../report/layout';
import { Report } from '../report/report';

/** The three tables as tab-separated text: labels where the layout puts them, data cells empty or filled from `report`. */
export function templateTsv(version: FormatVersion, report?: Report): string {
  return (
    allLayouts(version)
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
