// A stand-in for src/cli/checkWorker.js that misbehaves on purpose, by the file's name: runs out
// of memory (…oom), never answers (…hang), exits (…exit), aborts the process as V8 does on a fatal
// error (…abort), is killed (…kill), throws (…throw), takes 700 ms (…slow); answers otherwise. Like
// the real worker it checks the files it is handed one after the other; each answer says how many
// files it had been handed by then.
const queue = [];
let received = 0;
let running = false;

function check({ id, task }) {
  const file = task.file;
  if (file.endsWith('oom')) {
    const hoard = [];
    for (;;) hoard.push(new Array(1e5).fill({ file }));
  }
  if (file.endsWith('hang')) for (;;);
  if (file.endsWith('exit')) process.exit(3);
  if (file.endsWith('abort')) process.abort();
  if (file.endsWith('kill')) process.kill(process.pid, 'SIGKILL');
  if (file.endsWith('throw')) throw new Error('reader crashed');
  const answer =
    task.kind === 'lastYear'
      ? { kind: 'lastYear', report: { format: '2021', cells: {} } }
      : { kind: 'check', outcome: { file, results: [], received } };
  // …big: answers, but says its memory grew (the pool starts a fresh child after it).
  process.send({ id, answer, rssMb: file.endsWith('big') ? 1e6 : 1 });
}

async function run() {
  running = true;
  while (queue.length) {
    const message = queue.shift();
    if (message.task.file.endsWith('slow')) await new Promise((r) => setTimeout(r, 700));
    check(message);
  }
  running = false;
}

process.on('message', (message) => {
  received++;
  queue.push(message);
  if (!running) run();
});
