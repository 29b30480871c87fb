import { CheckFileOptions, FileOutcome } from './checkFile';
import { checkFileIsolated } from './isolate';
import type { ExpandedInputs } from '../read/files';

/** Where the command writes: standard output and standard error. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Files beyond which a line on standard error shows how far the check has come. */
const PROGRESS_FROM = 20;

/**
 * Checks the files the inputs name (folders walked once, by the caller: expandInputs), each in an
 * isolated child, in order, for `check` and `sum` alike. Skipped inputs are reported first; an unreadable file is handed to `each`,
 * so that the caller lists it with its reason (and said on standard error too where asked).
 */
export async function checkInputs(
  { files, skipped }: ExpandedInputs,
  io: Io,
  options: CheckFileOptions & {
    progress: boolean;
    /** Say on standard error why a file could not be read (when the output itself does not say it to a person, e.g. JSON). */
    tellUnreadable: boolean;
  },
  each: (outcome: FileOutcome) => void,
): Promise<void> {
  for (const s of skipped) io.err(`已跳过 ${s.path}：${s.reason}\n`);
  const progress = options.progress && files.length > PROGRESS_FROM;
  // Every file is handed to the pool at once (one child a core); the outcomes are taken in order.
  const outcomes = files.map((file) => checkFileIsolated(file, { lastYear: options.lastYear }));
  for (const [i, file] of files.entries()) {
    if (progress && (i % 10 === 0 || i === files.length - 1)) io.err(`\r正在校验 ${i + 1}/${files.length} …`);
    const outcome = await outcomes[i];
    if (outcome.unreadable !== undefined && options.tellUnreadable)
      io.err(`${progress ? '\n' : ''}无法校验 ${file}：${outcome.unreadable}\n`);
    each(outcome);
  }
  if (progress) io.err('\n');
}
