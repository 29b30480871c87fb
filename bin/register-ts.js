// Lets Node require the command's TypeScript sources without a build step, so that `npx xxgk-report`
// works right after `npm ci`. Like ts-node in transpile-only mode, but each file's JavaScript is kept
// in node_modules/.cache/xxgk-report-ts under a hash of its text, the compiler's version and
// tsconfig.json: a run that finds every file there does not load the TypeScript compiler at all.
// Transpiling on every start cost about two seconds in the command and again in its worker thread.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
// XXGK_TS_CACHE: another folder for the cache (the tests use a fresh one).
const cacheDir = process.env.XXGK_TS_CACHE || path.join(root, 'node_modules', '.cache', 'xxgk-report-ts');
const tsconfigFile = path.join(root, 'tsconfig.json');
/** Changes whenever what this file emits changes. */
const EMIT_VERSION = '1';

let ts = null;
let options = null;
let salt = null;

function compilerSalt() {
  const tsVersion = require('typescript/package.json').version;
  return `${EMIT_VERSION}\0${tsVersion}\0${fs.readFileSync(tsconfigFile, 'utf8')}`;
}

function compilerOptions() {
  ts = ts || require('typescript');
  const config = ts.readConfigFile(tsconfigFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  // Node runs CommonJS; the inline map keeps stack traces on the TypeScript lines (setSourceMapsEnabled).
  return {
    ...parsed.options,
    module: ts.ModuleKind.CommonJS,
    noEmit: false,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
  };
}

function transpile(source, filename) {
  options = options || compilerOptions();
  return ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
}

/** Writes the file whole or not at all: the command and its worker may write the same entry at once. */
function store(file, text) {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch {
    // A read-only installation: the sources are transpiled on every run instead.
  }
}

function javascriptOf(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  salt = salt || compilerSalt();
  const key = crypto.createHash('sha256').update(salt).update('\0').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const js = transpile(source, filename);
    store(cached, js);
    return js;
  }
}

/**
 * Installs the loader for .ts files, once per thread (a worker thread has its own module loader).
 * `sourceMaps: false` where stack traces are never shown (the checking children): Node then does not
 * read each module's map, a sixth of a child's start.
 */
function registerTypeScript(options = {}) {
  if (require.extensions['.ts']) return;
  if (options.sourceMaps !== false) process.setSourceMapsEnabled(true);
  require.extensions['.ts'] = (module, filename) => module._compile(javascriptOf(filename), filename);
}

module.exports = { registerTypeScript };
