import { normaliseLabel } from '../../../src/report/standard/cellText';
import { FORMATS, FORMAT_VERSIONS } from '../../../src/report/standard/formats';
import { tableOnlyLabels } from '../../../src/report/recognise/labelMatch';
import { labelScore } from '../../../src/read/documentGrid';

describe('the labels that only the report tables hold', () => {
  const labels = tableOnlyLabels();

  it.each(FORMAT_VERSIONS)(
    'include every column label of three characters or more of 表二 and 表三 and every field of 表四 of the %s format',
    (v) => {
      const f = FORMATS[v];
      const wanted = [
        ...f.T2.blocks.flatMap((b) => b.columns.map((c) => c.label)),
        ...f.T3.columns.map((c) => c.label),
        ...f.T4.fields.map((x) => x.label),
      ]
        .map((l) => normaliseLabel(l).replace(/\(单位:万元\)$/, ''))
        .filter((l) => Array.from(l).length >= 3); // 总计, 其他: words of any prose
      for (const l of wanted) expect(labels).toContain(l);
    },
  );

  it('leave out the words of section headings and 表二 rows, which stand in prose too', () => {
    for (const word of ['行政复议', '行政诉讼', '主动公开', '行政许可', '行政处罚', '总计', '其他']) expect(labels).not.toContain(word);
  });

  it('score a table cell by the labels it holds, whatever its spacing and brackets', () => {
    expect(labelScore('申请人情况 自 然 人')).toBe(2);
    expect(labelScore('本机关2023年共受理行政许可、行政处罚事项')).toBe(0);
  });
});
