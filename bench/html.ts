import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../src/cli/main';
import { FormatVersion } from '../src/report/standard/formats';
import { consistentReport, seededRandom } from '../src/report/standard/generate';
import { gbkEncode, governmentPage } from '../test/helpers/documents';

// htmlFilesPerSecond: `xxgk-report check <folder> --json` over 200 saved web pages of annual reports
// (GBK, a layout table around the report, 表三 split in two tables; 20 distinct pages, a third of
// them with an error), each read and checked in the command's worker thread as in real use.

export async function benchHtml(options: { files?: number } = {}): Promise<{ htmlFilesPerSecond: number }> {
  const files = options.files ?? 200;
  const dir = await fs.mkdtemp(join(tmpdir(), 'xxgk-bench-html-'));
  try {
    const rand = seededRandom(2025);
    const distinct: Buffer[] = [];
    for (let i = 0; i < 20; i++) {
      const version: FormatVersion = i % 4 < 2 ? '2021' : '2019';
      const report = consistentReport(version, rand);
      if (i % 3 === 0) report.cells['T3.NEW.NP'] = (report.cells['T3.NEW.NP'] as number) + 1;
      distinct.push(gbkEncode(governmentPage(report, { splitT3At: 9, meta: i % 2 ? 'http-equiv' : 'charset' })));
    }
    for (let i = 0; i < files; i++) await fs.writeFile(join(dir, `年报-${String(i).padStart(3, '0')}.html`), distinct[i % distinct.length]);
    let out = '';
    const t = process.hrtime.bigint();
    await main(['check', dir, '--json'], { out: (s) => (out += s), err: () => undefined });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const results = JSON.parse(out).files as { verdict: string }[];
    if (results.length !== files) throw new Error(`checked ${results.length} of ${files} pages`);
    const unread = results.filter((r) => r.verdict === 'unreadable' || r.verdict === 'incomplete').length;
    if (unread) throw new Error(`${unread} of ${files} pages were not read completely`);
    return { htmlFilesPerSecond: files / (ms / 1000) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchHtml().then((r) => console.log(JSON.stringify(r)));
}
