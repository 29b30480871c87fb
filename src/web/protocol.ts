import type { FormatVersion } from '../report/standard/formats';
import type { Report } from '../report/standard/report';
import type { LastYearRead } from '../read/checkReads';
import type { FileResult } from '../read/result';

// What the web page asks its core (src/web/core.ts, run in a Web Worker, or in the page when the
// browser refuses workers) and what the core answers. Plain data: it crosses postMessage.

/** What checking one file gave: its reports, or why it could not be read (the command's FileOutcome). */
export interface Outcome {
  file: string;
  results: FileResult[];
  /** Chinese reason, when the file could not be read. */
  unreadable?: string;
}

/** A roll-up's unit as the page lists it once summed: its name, verdict label and whether it is in the sum. */
export interface RollupLine {
  name: string;
  file: string;
  verdict: string;
  summed: string;
}

export type Request =
  | { kind: 'ping' }
  | { kind: 'check'; name: string; bytes: Uint8Array; lastYear?: Report }
  | { kind: 'lastYear'; name: string; bytes: Uint8Array }
  | { kind: 'template'; version: FormatVersion; as: 'xlsx' | 'html' }
  | {
      kind: 'rollup';
      /** The checked files, and which of their reports the user ticked (by index in `results`). */
      files: { outcome: Outcome; ticked: number[] }[];
      includeIncomplete: boolean;
    }
  | { kind: 'sheet'; name: string; rows: (string | number)[][]; widths: number[] };

export type Answer =
  | { kind: 'pong'; extensions: string[] }
  | { kind: 'cancelled' }
  | { kind: 'check'; outcome: Outcome }
  | { kind: 'lastYear'; read?: LastYearRead; unreadable?: string }
  | { kind: 'file'; bytes: Uint8Array }
  | { kind: 'rollup'; lines: RollupLine[]; refusal?: string; summary?: string[]; bytes?: Uint8Array }
  | { kind: 'failed'; reason: string };
