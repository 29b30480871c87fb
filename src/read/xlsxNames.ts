import ExcelJS from 'exceljs';
import type { LocalName } from './workbookInputs';

// Sheet-scoped defined names. ExcelJS 4.4 keeps only workbook-scoped names in its API (it drops
// localSheetId on load and cannot write it except for print areas), so the workbook's model is
// intercepted on this one instance: on write the local names are added to the model the writer
// renders, on read the parsed names (with localSheetId, and with no ranges for #REF!) are kept.

export type { LocalName };

interface ModelHost {
  model: { definedNames?: LocalName[]; sheets?: { name: string }[]; worksheets?: { name: string }[] };
}

function modelDescriptor(wb: ExcelJS.Workbook): PropertyDescriptor {
  let proto: object | null = Object.getPrototypeOf(wb);
  while (proto) {
    const d = Object.getOwnPropertyDescriptor(proto, 'model');
    if (d?.get && d.set) return d;
    proto = Object.getPrototypeOf(proto);
  }
  throw new Error('ExcelJS workbook has no model accessor');
}

/** Adds sheet-scoped names to what ExcelJS writes for this workbook. */
export function addLocalNames(wb: ExcelJS.Workbook, names: LocalName[]): void {
  const d = modelDescriptor(wb);
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(this: ExcelJS.Workbook) {
      const model = d.get!.call(this) as ModelHost['model'];
      return { ...model, definedNames: [...(model.definedNames ?? []), ...names] };
    },
    set(this: ExcelJS.Workbook, v: unknown) {
      d.set!.call(this, v);
    },
  });
}

/** Makes the workbook keep the defined names (with their scope) that the next load parses. */
export function captureDefinedNames(wb: ExcelJS.Workbook): () => { names: LocalName[]; sheetOrder: string[] } {
  const d = modelDescriptor(wb);
  let names: LocalName[] = [];
  let sheetOrder: string[] = [];
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(this: ExcelJS.Workbook) {
      return d.get!.call(this);
    },
    set(this: ExcelJS.Workbook, v: ModelHost['model']) {
      names = (v.definedNames ?? []).map((n) => ({ name: n.name, localSheetId: n.localSheetId, ranges: [...(n.ranges ?? [])] }));
      // localSheetId counts the <sheets> of workbook.xml; reconcile keeps that order in `worksheets`.
      sheetOrder = (v.worksheets ?? []).filter(Boolean).map((w) => w.name);
      d.set!.call(this, v);
    },
  });
  return () => ({ names, sheetOrder });
}
