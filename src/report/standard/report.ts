import { CellId, FormatVersion } from './formats';

/** What a cell holds: a number, null for a blank cell, or the text typed when it is not a number. */
export type CellValue = number | null | string;

/** A report's values in the exchange format of formats.md: { "format": "2021", "cells": { "T3.NEW.NP": 3 } }. */
export interface Report {
  format: FormatVersion;
  cells: Partial<Record<CellId, CellValue>>;
}

export function cellValue(report: Report, id: CellId): CellValue {
  const v = report.cells[id];
  return v === undefined ? null : v;
}
