import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

// The import graph of the sources, read as text: which file imports which, and whether only for
// types (`import type`, `export type … from`), which vanish at run time.

export const ROOT = resolve(__dirname, '..', '..');

export interface ImportEdge {
  /** Repository-relative paths, e.g. src/report/standard/rules.ts. */
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function resolveSpecifier(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec);
  for (const ext of ['.ts', '.tsx', '/index.ts', '/index.tsx', '']) {
    const p = base + ext;
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return null;
}

const STATEMENT = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
const BARE = /^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
const DYNAMIC = /import\(\s*(?:\/\*[^*]*\*\/\s*)?['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Every relative import of the .ts/.tsx files under `dir` (repository-relative). */
export function importEdges(dir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(join(ROOT, dir))) {
    const text = readFileSync(file, 'utf8');
    const add = (spec: string, typeOnly: boolean) => {
      const target = resolveSpecifier(file, spec);
      if (target) edges.push({ from: relative(ROOT, file), to: relative(ROOT, target), typeOnly });
    };
    for (const m of text.matchAll(STATEMENT)) {
      // `import { type A, type B } from` is type-only too.
      const names = m[3]
        .replace(/^\{|\}$/g, '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      const allTypes = names.length > 0 && m[3].startsWith('{') && names.every((n) => n.startsWith('type '));
      add(m[4], Boolean(m[2]) || allTypes);
    }
    // `import './x'`: loaded for its effects.
    for (const m of text.matchAll(BARE)) add(m[1], false);
    // A dynamic import loads the module later; it is still an edge of the graph (never type-only).
    for (const m of text.matchAll(DYNAMIC)) add(m[1], false);
  }
  return edges;
}

/** The cycles of a graph (each as the list of its files, first repeated at the end); one per strongly connected part. */
export function cycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === 'open') found.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of next.keys()) if (!state.has(node)) visit(node);
  return found;
}
