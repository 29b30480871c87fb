import JSZip from 'jszip';
import { readDocx } from '../../src/read/readDocx';
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
