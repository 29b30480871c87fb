import { ColumnKind } from '../standard/formats';

/**
 * What an input cell accepts, by kind: the data validation that Excel, WPS or LibreOffice apply when
 * a person types, and the message they show when they refuse a value. Excel and the .xlsx template
 * both draw their validation from this table.
 */
export interface InputRule {
  integer: boolean;
  min: number;
  max?: number;
  message: string;
}

/** Excel refuses full-width digits typed in an IME's full-width mode as text: each message says how to type them. */
export const INPUT_RULES: Record<ColumnKind, InputRule> = {
  count: {
    integer: true,
    min: 0,
    message:
      '此处应填写不小于 0 的整数（件数），不要输入文字或小数。没有发生的请填 0。如果输入的数字是全角（如“１２”），请把输入法切换到半角后重新输入。',
  },
  signed: {
    integer: true,
    min: -1000000000,
    max: 1000000000,
    message:
      '此处应填写整数：增加填正数，减少填负数（例如 -3），没有变化填 0。如果输入的数字是全角（如“－３”），请把输入法切换到半角后重新输入。',
  },
  amount: {
    integer: false,
    min: 0,
    message:
      '此处应填写不小于 0 的金额，单位为万元，只填数字（例如 160.5964），不要输入“万元”“元”等文字；全角数字（如“１２”）请切换到半角后重新输入。',
  },
};

export const INPUT_ALERT_TITLE = '年报助手';
