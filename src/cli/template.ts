import { FormatVersion } from '../report/formats';
import { allLayouts, layoutTextGrid } from '../report/layout';

/** The three tables as tab-separated text: labels where the layout puts them, empty data cells. */
export function templateTsv(version: FormatVersion): string {
  return (
    allLayouts(version)
      .map((l) => layoutTextGrid(l).map((row) => row.join('\t')).join('\n'))
      .join('\n\n') + '\n'
  );
}
