#!/usr/bin/env node
// Runs the TypeScript command directly, so that `npx xxgk-report` works right after `npm ci`.
const path = require('path');
require('ts-node').register({
  transpileOnly: true,
  project: path.join(__dirname, '..', 'tsconfig.json'),
  compilerOptions: { module: 'commonjs' },
});
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});
