import { problemText } from '../../src/taskpane/problemText';
import type { Problem } from '../../src/excel/problems';

/** An outcome with its problem in the pane's words (`message`), to compare with what a user reads. */
export function worded<T extends object>(outcome: T): T & { message?: string } {
  const problem = (outcome as { problem?: Problem }).problem;
  return problem ? { ...outcome, message: problemText(problem) } : outcome;
}
