import { CellId, FormatVersion } from '../../../src/report/standard/formats';
import { zeroReport } from '../../../src/report/standard/generate';
import { Report } from '../../../src/report/standard/report';

// Reports written for these tests (not copied from a real one), one per version: the tables, and a text
// whose every figure agrees with them, in the ways reports phrase them, with sentences whose numbers
// are not the tables' figures (parts, results, items of information, articles, document titles).

export interface ProseFixture {
  tables: () => Report;
  text: string;
}

function report(version: FormatVersion, cells: Partial<Record<CellId, number>>): () => Report {
  return () => {
    const r = zeroReport(version);
    Object.assign(r.cells, cells);
    return r;
  };
}

// 2021: 新收 118, 上年结转 7, 办结 98 (予以公开 52, 部分公开 9, 不予公开 1+2+1, 无法提供 20+3,
// 不予处理 5+2, 其他处理 2+1), 结转下年度 27; 复议 3 (维持 2, 纠正 1), 诉讼 1 + 1;
// 规范性文件 制发 6, 废止 2, 现行有效 37; 规章 现行有效 4.
export const FIXTURE_2021: ProseFixture = {
  tables: report('2021', {
    'T2.REG.INFORCE': 4,
    'T2.NORM.ISSUED': 6,
    'T2.NORM.REPEALED': 2,
    'T2.NORM.INFORCE': 37,
    'T3.NEW.TOT': 118,
    'T3.CIN.TOT': 7,
    'T3.R1.TOT': 52,
    'T3.R2.TOT': 9,
    'T3.D1.TOT': 1,
    'T3.D4.TOT': 2,
    'T3.D6.TOT': 1,
    'T3.U1.TOT': 20,
    'T3.U2.TOT': 3,
    'T3.X1.TOT': 5,
    'T3.X2.TOT': 2,
    'T3.O1.TOT': 2,
    'T3.O3.TOT': 1,
    'T3.RT.TOT': 98,
    'T3.COUT.TOT': 27,
    'T4.RV.UPH': 2,
    'T4.RV.COR': 1,
    'T4.RV.TOT': 3,
    'T4.LD.TOT': 1,
    'T4.LR.TOT': 1,
  }),
  text: [
    '一、总体情况',
    '2023年，本机关共收到政府信息公开申请一百一十八件，上年结转7件。',
    '全年办结98件，其中予以公开52件，部分公开9件，不予公开4件，无法提供23件，不予处理7件，其他处理3件；结转下年度继续办理27件。',
    '结转下年度的申请中有5件已于今年1月办结。申请涉及的政府信息共计412条，依申请公开政府信息60条。',
    '超期办结2件，转交其他机关办理3件。部分公开中涉及第三方权益的4件。受理申请数量同比增加15件。',
    '全年发生政府信息公开行政复议3起，复议结果维持2件，被纠错1件；行政诉讼2件。收到《行政复议决定书》2件。',
    '二、主动公开政府信息情况',
    '全年主动公开政府信息1520条。2023年制发行政规范性文件6件，废止2件；截至2023年底，现行有效规范性文件37件，现行有效规章4件。',
    '依据《中华人民共和国政府信息公开条例》第9条、第十四条，不予公开等其他类型共11件。',
  ].join('\n'),
};

// 2019: 新收 36, 上年结转 0, 办结 34 (予以公开 20, 部分公开 4, 无法提供 8, 其他处理 2), 结转下年度 2;
// no 行政复议 nor 行政诉讼; 规范性文件 本年新制作 3, 对外公开总数量 20.
export const FIXTURE_2019: ProseFixture = {
  tables: report('2019', {
    'T2.NORM.MADE': 3,
    'T2.NORM.ALLPUB': 20,
    'T3.NEW.TOT': 36,
    'T3.R1.TOT': 20,
    'T3.R2.TOT': 4,
    'T3.U1.TOT': 8,
    'T3.O.TOT': 2,
    'T3.RT.TOT': 34,
    'T3.COUT.TOT': 2,
  }),
  text: [
    '一、总体情况',
    '2020年，本机关受理政府信息公开申请36件，无上年结转的申请。',
    '受理并办结34件：予以公开二十件，部分公开4件，无法提供8件，其他处理2件；结转下年度继续办理2件。',
    '全年未收到政府信息公开行政复议申请，未发生因政府信息公开引起的行政诉讼。',
    '本年度制定规范性文件3件，截至2020年底现行有效规范性文件20件。',
    '复议结果维持0件。依申请公开政府信息15条。',
  ].join('\n'),
};
