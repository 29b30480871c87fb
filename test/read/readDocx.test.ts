import JSZip from 'jszip';
import { readDocx } from '../../src/read/readDocx';
import { checkReads } from '../../src/read/checkReads';
import { checkSheetInput } from '../../src/report/sheet/sheetCheck';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';
import { wordDocument } from '../helpers/documents';

// What Word shows is what is read: hidden text (w:vanish) and superscript footnote markers are not
// part of a number, and the document is the main part the package's relationships name.

const report = consistentReport('2021', seededRandom(31));
report.cells['T3.NEW.NP'] = 7777; // a number no other cell holds, found in the XML by its text

async function edited(edit: (zip: JSZip, xml: string) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await wordDocument(report));
  await edit(zip, await zip.file('word/document.xml')!.async('string'));
  return zip.generateAsync({ type: 'uint8array' });
}

async function cellsOf(data: Uint8Array) {
  const read = await readDocx(data);
  return checkSheetInput(read.input).report!.cells;
}

const CELL = '<w:t xml:space="preserve">7777</w:t></w:r>';

describe('a Word document as Word shows it', () => {
  it('reads 7777 followed by hidden text (w:vanish) as 7777', async () => {
    const data = await edited((zip, xml) => {
      zip.file('word/document.xml', xml.replace(CELL, `${CELL}<w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r>`));
    });
    expect((await cellsOf(data))['T3.NEW.NP']).toBe(7777);
  });

  it('reads 7777 with a superscript footnote marker as 7777, not 77771', async () => {
    const data = await edited((zip, xml) => {
      zip.file('word/document.xml', xml.replace(CELL, `${CELL}<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r>`));
    });
    expect((await cellsOf(data))['T3.NEW.NP']).toBe(7777);
  });

  it('reads the main part that _rels/.rels names, not a decoy word/document.xml with other numbers', async () => {
    const data = await edited(async (zip, xml) => {
      zip.file('word/main.xml', xml);
      zip.file('word/document.xml', xml.replace(CELL, '<w:t xml:space="preserve">1</w:t></w:r>'));
      const rels = await zip.file('_rels/.rels')!.async('string');
      zip.file('_rels/.rels', rels.replace('Target="word/document.xml"', 'Target="/word/main.xml"'));
    });
    expect((await cellsOf(data))['T3.NEW.NP']).toBe(7777);
  });
});

/**
 * 表四 as LibreOffice saves it: a grid column 1 twip wide after 总计's, which 总计 spans with its own
 * (w:gridSpan 2) and 行政诉讼 starts on.
 */
function withSliver(tbl: string): string {
  let k = 0;
  const grid = tbl.replace(/<w:gridCol w:w="900"\/>/g, (m) => (++k === 5 ? `${m}<w:gridCol w:w="1"/>` : m));
  let row = 0;
  return grid.replace(/<w:tr>.*?<\/w:tr>/gs, (tr) => {
    if (row++ === 0) return tr.replace('<w:gridSpan w:val="10"/>', '<w:gridSpan w:val="11"/>');
    let c = 0;
    return tr.replace(/<w:tc><w:tcPr>/g, (m) => (++c === 5 ? `${m}<w:gridSpan w:val="2"/>` : m));
  });
}

describe('a table whose grid has a sliver column', () => {
  const consistent = consistentReport('2021', seededRandom(32));

  it('reads 表四 with a 1-twip column beside 总计 (as LibreOffice saves it) at its columns, every value, and passes', async () => {
    const zip = await JSZip.loadAsync(await wordDocument(consistent));
    let slivers = 0;
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<w:tbl>(?:(?!<\/w:tbl>).)*<\/w:tbl>/gs, (tbl) => {
      if ((tbl.match(/<w:gridCol /g) ?? []).length !== 15) return tbl;
      slivers++;
      return withSliver(tbl);
    });
    expect(slivers).toBe(1);
    zip.file('word/document.xml', xml);
    const [result] = checkReads('年报', [await readDocx(await zip.generateAsync({ type: 'uint8array' }))]);
    expect(result.notes).toEqual([]);
    expect(result.verdict).toBe('passed');
    expect(result.report!.cells).toEqual(expect.objectContaining(consistent.cells));
  });
});
