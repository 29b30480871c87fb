// The child process of src/cli/isolate.ts: checks the files it is handed one at a time, in the
// order they came, with checkFile (or reads last year's report) and sends each answer back, with its resident memory so that the parent can start
// a fresh child when it grew. Plain JavaScript, so that it can load the TypeScript sources the way
// bin/xxgk-report.js does (bin/register-ts.js), whether the parent is the command, the benchmark or
// a jest test.
// Without source maps: a child's stack traces are never shown (a crash is reported as a reason).
require('../../bin/register-ts').registerTypeScript({ sourceMaps: false });
const { checkFile, describeError, readLastYear } = require('./checkFile.ts');
const { CRASH_REASON } = require('../read/result.ts');

async function answer(task) {
  if (task.kind === 'lastYear') {
    try {
      return { kind: 'lastYear', report: await readLastYear(task.file) };
    } catch (e) {
      return { kind: 'lastYear', unreadable: describeError(e) };
    }
  }
  return { kind: 'check', outcome: await checkFile(task.file, task.options) };
}

// A reader that throws past checkFile's own handling: this file is unreadable, the child lives on.
let current = null;
const crashed = () => {
  if (!current) process.exit(70);
  const { id, task } = current;
  current = null;
  const reason = CRASH_REASON;
  const result =
    task.kind === 'lastYear'
      ? { kind: 'lastYear', unreadable: reason }
      : { kind: 'check', outcome: { file: task.file, results: [], unreadable: reason } };
  process.send({ id, answer: result, rssMb: Infinity }); // Infinity: start a fresh child after this
};
process.on('uncaughtException', crashed);
process.on('unhandledRejection', crashed);

// The parent hands a few files ahead: they wait here, and are checked one after the other.
const queue = [];
let running = false;

async function run() {
  running = true;
  while (queue.length) {
    const { id, task } = queue.shift();
    current = { id, task };
    const result = await answer(task);
    if (!current || current.id !== id) continue;
    current = null;
    const rssMb = process.memoryUsage.rss() / 1024 / 1024;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    try {
      process.send({ id, answer: result, rssMb, peakMb });
    } catch (e) {
      process.send({
        id,
        rssMb,
        answer: { kind: 'check', outcome: { file: task.file, results: [], unreadable: `内部错误：校验结果无法传回（${e && e.message}）` } },
      });
    }
  }
  running = false;
}

process.on('message', (message) => {
  queue.push(message);
  if (!running) run();
});
