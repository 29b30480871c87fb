#!/usr/bin/env node
// npm run bench: runs bench/index.ts with ts-node (transpile only), like the xxgk-report command.
const path = require('path');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
require('./index.ts')
  .main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
