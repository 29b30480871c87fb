/** Excel.DataValidation of a range: rule, error alert, prompt; the type read over mixed cells. */
import { quoteSheet, rectAddress } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import { isValidFormula } from '../formula/parse';
import { shiftFormula } from '../formula/rewrite';
import { CellData, DvState, DvType } from '../model/cells';
import { SheetModel } from '../model/sheet';
import { kinds } from './kinds';
import type { MemRange } from './range';
import { MemRangePart, cellsOf, oneOf } from './rangePart';

const DV_TYPE_NAMES: Record<DvType, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  custom: 'Custom',
  list: 'List',
  date: 'Date',
  time: 'Time',
};
const DV_OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];
const DEFAULT_ALERT = { showAlert: true, style: 'Stop', title: '', message: '' };
const DEFAULT_PROMPT = { showPrompt: false, title: '', message: '' };

function emptyDv(): DvState {
  return { type: null, errorAlert: { ...DEFAULT_ALERT }, prompt: { ...DEFAULT_PROMPT } };
}

export class MemDataValidation extends MemRangePart implements Pick<Excel.DataValidation, 'type' | 'rule' | 'errorAlert' | 'prompt'> {
  private topLeft(): DvState | null {
    const { sheet, rect } = this.t();
    return this.wb.getCell(sheet, rect.r0, rect.c0).dv;
  }
  protected _scalars(): Record<string, () => unknown> {
    return {
      type: () => {
        const { sheet, rect } = this.t();
        const types = new Set<string>();
        const criteria = new Set<string>();
        for (const c of cellsOf(this.wb, sheet, rect)) {
          types.add(c.dv?.type ? DV_TYPE_NAMES[c.dv.type] : 'None');
          criteria.add(dvCriteria(c.dv));
        }
        // Excel.DataValidationType (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationtype):
        // "MixedCriteria" = validation on some cells but not all; "Inconsistent" = different rules
        // on different cells. Some cells without a rule and others with different rules is not
        // documented: read as MixedCriteria, as some cells have none.
        if (types.has('None') && types.size > 1) return 'MixedCriteria';
        return criteria.size > 1 ? 'Inconsistent' : [...types][0];
      },
      rule: () => ruleOut(this.topLeft()),
      errorAlert: () => ({ ...(this.topLeft()?.errorAlert ?? DEFAULT_ALERT) }),
      prompt: () => ({ ...(this.topLeft()?.prompt ?? DEFAULT_PROMPT) }),
    };
  }
  get type(): Excel.DataValidation['type'] {
    return this._get('type');
  }
  get rule(): Excel.DataValidationRule {
    return this._get('rule');
  }
  set rule(v: Excel.DataValidationRule) {
    this._set('rule', v, () => {
      const { sheet, rect } = this.t();
      const keys = Object.keys(v ?? {}).filter((k) => (v as Record<string, unknown>)[k] != null);
      if (keys.length !== 1 || !(keys[0] in DV_TYPE_NAMES))
        throw new MemOfficeError('InvalidArgument', 'A data validation rule must have exactly one criteria type.');
      const type = keys[0] as DvType;
      const spec = (v as Record<string, any>)[type];
      const base: Partial<DvState> = { type };
      if (type === 'custom') {
        base.formula1 = formulaIn(spec.formula, sheet);
      } else if (type === 'list') {
        const src = spec.source;
        base.listSource = src instanceof kinds.MemRange ? '=' + absAddress(src, sheet) : String(src);
        base.inCellDropDown = spec.inCellDropDown !== false;
      } else {
        base.operator = oneOf(spec.operator, DV_OPERATORS, 'operator');
        base.formula1 = formulaIn(spec.formula1, sheet);
        if (spec.formula2 !== undefined) base.formula2 = formulaIn(spec.formula2, sheet);
        if ((base.operator === 'Between' || base.operator === 'NotBetween') && base.formula2 === undefined)
          throw new MemOfficeError('InvalidArgument', 'formula2 is required for Between/NotBetween.');
      }
      // Over cells whose validation differs (some with a rule or prompt, some without, or different
      // rules), Excel refuses a new rule with InvalidArgument, as its UI asks to erase them first
      // (https://github.com/OfficeDev/office-js/issues/2594): dataValidation.clear() first.
      const states = new Set<string>();
      for (const c of cellsOf(this.wb, sheet, rect)) {
        states.add(dvState(c.dv));
        if (states.size > 1)
          throw new MemOfficeError(
            'InvalidArgument',
            'The argument is invalid or missing or has an incorrect format.',
            'DataValidation.rule',
          );
      }
      this.writeDv((c, r, col) => {
        const cur = c.dv ?? emptyDv();
        const dr = r - rect.r0;
        const dc = col - rect.c0;
        c.dv = {
          ...cur,
          type,
          operator: base.operator,
          formula1: base.formula1 && shiftFormula(base.formula1, dr, dc),
          formula2: base.formula2 && shiftFormula(base.formula2, dr, dc),
          listSource: base.listSource,
          inCellDropDown: base.inCellDropDown,
        };
      });
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get('errorAlert');
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this._set('errorAlert', v, () => {
      if (v.style !== undefined) oneOf(v.style, ['Stop', 'Warning', 'Information'], 'alert style');
      this.writeDv((c) => {
        const cur = c.dv ?? emptyDv();
        c.dv = { ...cur, errorAlert: { ...cur.errorAlert, ...(v as object) } };
      });
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get('prompt');
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this._set('prompt', v, () =>
      this.writeDv((c) => {
        const cur = c.dv ?? emptyDv();
        c.dv = { ...cur, prompt: { ...cur.prompt, ...(v as object) } };
      }),
    );
  }
  clear(): void {
    this._op(() => this.writeDv((c) => (c.dv = null)));
  }
  /** Data validation changes are refused on a protected sheet, whatever the cells' lock state. */
  private writeDv(f: (c: CellData, row: number, col: number) => void): void {
    const { sheet } = this.t();
    if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
    this.writeFormat(f, null);
  }
}

/** A cell's validation criteria, for comparing cells (formulas as stored, relative to each cell). */
function dvCriteria(dv: DvState | null): string {
  if (!dv || !dv.type) return '';
  return JSON.stringify([dv.type, dv.operator, dv.formula1, dv.formula2, dv.listSource]);
}

/** Everything a cell's validation holds (criteria, alert, prompt), for comparing cells. */
function dvState(dv: DvState | null): string {
  const state = (d: DvState) => JSON.stringify([dvCriteria(d), d.errorAlert, d.prompt, d.inCellDropDown]);
  return !dv || state(dv) === EMPTY_DV_STATE ? '' : state(dv);
}

const EMPTY_DV_STATE = JSON.stringify([dvCriteria(null), DEFAULT_ALERT, DEFAULT_PROMPT, undefined]);

function absAddress(r: MemRange, host: SheetModel): string {
  const t = r._target();
  const a = rectAddress(t.rect, true);
  return t.sheet === host ? a : `${quoteSheet(t.sheet.name)}!${a}`;
}

/** DV/CF criteria input (number, "10", "=A1", Range) as a formula string. */
function formulaIn(v: unknown, host: SheetModel): string {
  if (v instanceof kinds.MemRange) return '=' + absAddress(v, host);
  if (typeof v === 'number') return '=' + String(v);
  if (typeof v === 'string') {
    if (v.startsWith('=')) {
      if (!isValidFormula(v)) throw new MemOfficeError('InvalidArgument', `Invalid formula '${v}'.`);
      return v;
    }
    if (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return '=' + v.trim();
    return `="${v.replace(/"/g, '""')}"`;
  }
  throw new MemOfficeError('InvalidArgument', 'Invalid data validation formula.');
}

function ruleOut(dv: DvState | null): Excel.DataValidationRule {
  if (!dv || !dv.type) return {};
  if (dv.type === 'custom') return { custom: { formula: dv.formula1 ?? '' } };
  if (dv.type === 'list') return { list: { source: dv.listSource ?? '', inCellDropDown: dv.inCellDropDown ?? true } };
  const basic: Record<string, unknown> = { formula1: dv.formula1, operator: dv.operator };
  if (dv.formula2 !== undefined) basic.formula2 = dv.formula2;
  return { [dv.type]: basic } as Excel.DataValidationRule;
}
