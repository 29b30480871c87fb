#!/usr/bin/env node
// Runs the TypeScript command directly, so that `npx xxgk-report` works right after `npm ci`.
require('./register-ts').registerTypeScript();
const { main } = require('../src/cli/main.ts');
// Output piped into a command that stops reading (| head): end quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});
