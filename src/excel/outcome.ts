/*
 * What an operation of the task pane came to. Every Excel operation (insert, recognise, convert,
 * reinsert, unmark, roll up, link last year's report) answers with members of this one union, so
 * one piece of the pane reports them all. What went wrong is a Problem (problems.ts), which the pane
 * words (src/taskpane/problemText.ts).
 */
import type { Problem } from './problems';

/** It was done; T says what came of it. */
export type Done<T extends object = object> = { kind: 'done' } & T;

/** Nothing was written: something the user can clear is in the way (cells in use, a protected sheet). */
export interface Blocked {
  kind: 'blocked';
  problem: Problem;
}

/** Nothing was written: there was nothing to act on (no table found). */
export interface NoneFound {
  kind: 'none';
  problem: Problem;
}

/** It went wrong (Excel refused, or the pane's code could not be loaded). */
export interface Failed {
  kind: 'failed';
  problem: Problem;
}

export type Outcome<T extends object = object> = Done<T> | Blocked | NoneFound | Failed;
