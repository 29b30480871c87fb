// A stand-in for src/cli/checkWorker.js that misbehaves on purpose, by the file's name: runs out
// of memory (…oom), never answers (…hang), exits (…exit), throws (…throw); answers otherwise.
const { parentPort } = require('worker_threads');

parentPort.on('message', ({ id, file }) => {
  if (file.endsWith('oom')) {
    const hoard = [];
    for (;;) hoard.push(new Array(1e5).fill({ file }));
  }
  if (file.endsWith('hang')) for (;;);
  if (file.endsWith('exit')) process.exit(3);
  if (file.endsWith('throw')) throw new Error('reader crashed');
  parentPort.postMessage({ id, outcome: { file, results: [] } });
});
