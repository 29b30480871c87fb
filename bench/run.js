#!/usr/bin/env node
// npm run bench: runs bench/index.ts the way the xxgk-report command runs (bin/register-ts.js).
require('../bin/register-ts').registerTypeScript();
require('./index.ts')
  .main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
