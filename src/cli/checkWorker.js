// The worker thread of src/cli/isolate.ts: checks one file at a time with checkFile and posts the
// outcome back. Plain JavaScript, so that it can load the TypeScript sources the way
// bin/xxgk-report.js does (bin/register-ts.js), whether the parent is the command, the benchmark or
// a jest test.
const { parentPort } = require('worker_threads');

require('../../bin/register-ts').registerTypeScript();
const { checkFile } = require('./checkFile.ts');

parentPort.on('message', async ({ id, file, options }) => {
  const outcome = await checkFile(file, options);
  try {
    parentPort.postMessage({ id, outcome });
  } catch (e) {
    parentPort.postMessage({ id, outcome: { file, results: [], unreadable: `内部错误：校验结果无法传回（${e && e.message}）` } });
  }
});
