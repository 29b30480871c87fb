import { readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import * as vm from 'vm';

// Runs src/legacy.ts in a fresh JavaScript realm whose built-ins lack the ES2019+ functions, as in
// Edge Legacy (Office 2019 without WebView2).
function legacyRealm() {
  const js = ts.transpileModule(readFileSync(join(__dirname, '..', 'src', 'legacy.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 },
  }).outputText;
  const context = vm.createContext({ exports: {} });
  vm.runInContext(
    'delete Array.prototype.flat; delete Array.prototype.flatMap; delete Object.fromEntries; delete String.prototype.trimStart; delete Promise.allSettled;',
    context,
  );
  vm.runInContext(js, context);
  return context;
}

describe('runtime fill-ins for Edge Legacy', () => {
  it('provides flat, flatMap, Object.fromEntries, trimStart and Promise.allSettled that behave as the standard ones', async () => {
    const realm = legacyRealm();
    expect(vm.runInContext('JSON.stringify([[1,[2]],3].flat())', realm)).toBe('[1,[2],3]');
    expect(vm.runInContext('JSON.stringify([1,2].flatMap(x => [x, x * 10]))', realm)).toBe('[1,10,2,20]');
    expect(vm.runInContext('JSON.stringify(Object.fromEntries([["a",1],["b",2]]))', realm)).toBe('{"a":1,"b":2}');
    expect(vm.runInContext('"  x ".trimStart()', realm)).toBe('x ');
    const settled = await vm.runInContext('Promise.allSettled([Promise.resolve(1), Promise.reject(2)])', realm);
    expect(JSON.parse(JSON.stringify(settled))).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: 2 },
    ]);
  });

  it('leaves the built-ins alone where they exist', () => {
    const before = Array.prototype.flatMap;
    require('../src/legacy');
    expect(Array.prototype.flatMap).toBe(before);
  });
});

describe('the add-in’s own code', () => {
  it('calls no library function newer than what src/legacy.ts fills in for Edge Legacy', () => {
    const { readdirSync, statSync } = require('fs') as typeof import('fs');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) {
          if (!['memory', 'cli', 'preview'].includes(f)) walk(p); // not in the add-in's bundles (src/read is: last year's file)
        } else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(join(__dirname, '..', 'src'));
    const newer = /\.(matchAll|replaceAll|at|findLast|findLastIndex|hasOwn)\(|structuredClone\(|Object\.hasOwn/;
    const offending = files.filter((f) => newer.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});

describe('the page under Internet Explorer 11', () => {
  const script = readFileSync(join(__dirname, '..', 'src', 'legacy-check.js'), 'utf8');
  const page = (userAgent: string) => {
    const { JSDOM, ResourceLoader } = require('jsdom') as typeof import('jsdom');
    const dom = new JSDOM('<body><div id="container"></div></body>', {
      runScripts: 'outside-only',
      resources: new ResourceLoader({ userAgent }),
    });
    dom.window.eval(script);
    dom.window.document.dispatchEvent(new dom.window.Event('DOMContentLoaded'));
    return dom.window.document.body.textContent ?? '';
  };

  it('is ES5, which Internet Explorer 11 parses (no arrow, let, trailing comma in a call)', () => {
    const { parse } = require('acorn') as typeof import('acorn');
    expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow();
  });

  it('explains in Chinese why the add-in cannot run, instead of a blank pane', () => {
    expect(page('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko')).toContain('年报助手无法在此版本的 Excel 中运行');
  });

  it('leaves the page alone in any other browser', () => {
    expect(
      page('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0'),
    ).toBe('');
  });
});
