import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../src/cli/main';
import { checkSheetInput } from '../src/report/sheet/sheetCheck';
import { readXlsx } from '../src/read/readXlsx';
import { templateWorkbook } from '../src/cli/templateXlsx';
import { FormatVersion } from '../src/report/standard/formats';
import { consistentReport, seededRandom } from '../src/report/standard/generate';
import { deflatedRepeat, writeFarCellWorkbook, zipBuffer } from './hostile';
import { pastedWorkbook } from '../test/helpers/pastedWorkbook';

// Cost of checking .xlsx files with the CLI:
//  - xlsxCheckOverLoad: the time to check one workbook (read it, find or recognise the tables,
//    validate) divided by the time ExcelJS alone takes to load it; medians over runs. Near 1 means
//    the check adds little to the unavoidable parse.
//  - folderFilesPerSecond: `xxgk-report check <folder> --json` over 200 generated workbooks (half
//    templates found by name, half pasted tables found by the recogniser), one in ten of them
//    hostile (zip bombs, a whole-sheet merge, overlapping merges, far-away cells, broken files).

export interface XlsxBench {
  xlsxCheckOverLoad: number;
  folderFilesPerSecond: number;
  /** `xxgk-report sum` over 200 units of one version, as a ratio to `check` over the same folder. */
  sumOverCheck: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function time(f: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function buffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook of one sheet with this XML after its sheetData. */
function sheetWorkbook(after: string): Buffer {
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipBuffer([
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(`<workbook ${main} xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.from(`<worksheet ${main}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${after}</worksheet>`),
    },
  ]);
}

/** Hostile .xlsx files, each refused or read within the limits. */
async function hostileWorkbooks(dir: string, template: Buffer): Promise<Buffer[]> {
  const bomb = await deflatedRepeat(200 * 1024 * 1024);
  const far = join(dir, 'far.xlsx');
  await writeFarCellWorkbook(far);
  return [
    // A lying bomb (declares 1 KB) and an honest one (declares 200 MB).
    zipBuffer([{ name: 'xl/worksheets/sheet1.xml', deflated: bomb, size: 1024 }]),
    zipBuffer([{ name: 'xl/worksheets/sheet1.xml', deflated: bomb, size: 200 * 1024 * 1024 }]),
    await fs.readFile(far),
    sheetWorkbook('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    sheetWorkbook('<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'),
    template.subarray(0, Math.floor(template.length / 2)),
    Buffer.from('这不是工作簿'.repeat(100)),
  ];
}

export async function benchXlsx(options: { runs?: number; folderFiles?: number } = {}): Promise<XlsxBench> {
  const runs = options.runs ?? 40;
  const folderFiles = options.folderFiles ?? 200;
  const dir = await fs.mkdtemp(join(tmpdir(), 'xxgk-bench-xlsx-'));
  try {
    const rand = seededRandom(2024);
    const one = join(dir, 'one.xlsx');
    await fs.writeFile(one, await buffer(templateWorkbook('2021', { report: consistentReport('2021', rand) })));

    const load = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await fs.readFile(one)) as unknown as ArrayBuffer);
    };
    const check = async () => {
      for (const input of await readXlsx(await fs.readFile(one))) checkSheetInput(input);
    };
    for (let i = 0; i < 3; i++) {
      await load();
      await check();
    }
    const loads: number[] = [];
    const checks: number[] = [];
    for (let i = 0; i < runs; i++) {
      loads.push(await time(load));
      checks.push(await time(check));
    }

    // 20 distinct workbooks, copied to fill the folder.
    const folder = join(dir, 'folder');
    await fs.mkdir(folder);
    const distinct: Buffer[] = [];
    for (let i = 0; i < 20; i++) {
      const version: FormatVersion = i % 4 < 2 ? '2021' : '2019';
      const report = consistentReport(version, rand);
      if (i % 3 === 0) report.cells['T3.NEW.NP'] = (report.cells['T3.NEW.NP'] as number) + 1;
      distinct.push(await buffer(i % 2 === 0 ? templateWorkbook(version, { report }) : pastedWorkbook(report)));
    }
    const hostile = await hostileWorkbooks(dir, distinct[0]);
    for (let i = 0; i < folderFiles; i++) {
      const bytes = i % 10 === 9 ? hostile[Math.floor(i / 10) % hostile.length] : distinct[i % distinct.length];
      await fs.writeFile(join(folder, `年报-${String(i).padStart(3, '0')}.xlsx`), bytes);
    }
    let out = '';
    const io = { out: (s: string) => (out += s), err: () => undefined };
    const ms = await time(() => main(['check', folder, '--json'], io));
    const checked = JSON.parse(out).files.length;
    if (checked !== folderFiles) throw new Error(`checked ${checked} of ${folderFiles} workbooks`);
    // The roll-up of 200 units of one version (it checks every unit first), against checking them.
    const units = join(dir, 'units');
    await fs.mkdir(units);
    const unitBuffers: Buffer[] = [];
    for (let i = 0; i < 20; i++) {
      const report = consistentReport('2021', rand);
      unitBuffers.push(await buffer(i % 2 === 0 ? templateWorkbook('2021', { report }) : pastedWorkbook(report)));
    }
    for (let i = 0; i < folderFiles; i++)
      await fs.writeFile(join(units, `单位-${String(i).padStart(3, '0')}.xlsx`), unitBuffers[i % unitBuffers.length]);
    const quiet = { out: () => undefined, err: () => undefined };
    const checkMs = await time(() => main(['check', units, '--json'], quiet));
    const sumMs = await time(() => main(['sum', units, '--out', join(dir, '汇总.xlsx')], quiet));
    return {
      xlsxCheckOverLoad: median(checks) / median(loads),
      folderFilesPerSecond: folderFiles / (ms / 1000),
      sumOverCheck: sumMs / checkMs,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export default benchXlsx;

if (require.main === module) {
  benchXlsx().then((r) => console.log(JSON.stringify(r)));
}
