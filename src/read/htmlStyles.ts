import type { DefaultTreeAdapterMap } from 'parse5';

// What a page's own style sheets hide: the rules of its <style> elements that set display:none or
// visibility:hidden, for simple selectors (a tag, .class, #id, or a compound of them such as
// td.x) and descendants of those (div.hide span). Other selectors (>, +, ~, attributes, pseudo-
// classes), rules inside @media and other at-rules, and linked style sheets are not read. A rule is
// overridden only by the element's own style attribute (display or visibility set to something
// else), not by later rules. The work is bounded: the style text read, the rules kept and the
// matching steps.

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Characters of <style> text read (a report page's style sheet is a few KB). */
export const MAX_STYLE_CHARS = 256 * 1024;
/** Hiding selectors kept. */
const MAX_SELECTORS = 1000;
/** Selector comparisons while matching the page's elements. */
const MAX_MATCH_STEPS = 5_000_000;

interface Compound {
  tag?: string;
  ids: string[];
  classes: string[];
}

/** A selector as compounds from the outermost ancestor to the element itself. */
type Selector = Compound[];

export const HIDES = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important\s*)?(;|$)/i;
const SHOWS = /(^|;)\s*(display\s*:\s*(?!none)[a-z-]+|visibility\s*:\s*visible)\s*(!important\s*)?(;|$)/i;

const isElement = (n: Node): n is Element => 'tagName' in n;
const children = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);
const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;

function compound(text: string): Compound | null {
  const m = /^([a-zA-Z][a-zA-Z0-9-]*)?((?:[.#][a-zA-Z0-9_\u00a0-\uffff-]+)*)$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const parts = m[2].match(/[.#][^.#]+/g) ?? [];
  return {
    ...(m[1] ? { tag: m[1].toLowerCase() } : {}),
    ids: parts.filter((p) => p[0] === '#').map((p) => p.slice(1)),
    classes: parts.filter((p) => p[0] === '.').map((p) => p.slice(1)),
  };
}

/** The hiding selectors of a style sheet's text (top-level rules only). */
export function hidingSelectors(css: string): Selector[] {
  const text = css.slice(0, MAX_STYLE_CHARS).replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ');
  const selectors: Selector[] = [];
  let i = 0;
  while (i < text.length && selectors.length < MAX_SELECTORS) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    if (prelude.includes('@')) {
      // An at-rule: its whole block (braces balanced) is passed over; one without a block ends at ;.
      const semi = prelude.lastIndexOf(';');
      if (semi >= 0 && !prelude.slice(semi + 1).includes('@')) {
        i += text.slice(i, open).lastIndexOf(';') + 1;
        continue;
      }
      let depth = 0;
      let j = open;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      i = j + 1;
      continue;
    }
    const close = text.indexOf('}', open);
    const body = text.slice(open + 1, close < 0 ? text.length : close);
    i = close < 0 ? text.length : close + 1;
    if (!HIDES.test(body)) continue;
    for (const sel of prelude.split(',')) {
      const compounds = sel.trim().split(/\s+/).map(compound);
      if (compounds.length && compounds.every((c): c is Compound => c !== null)) selectors.push(compounds as Selector);
      if (selectors.length >= MAX_SELECTORS) break;
    }
  }
  return selectors;
}

function matches(e: Element, c: Compound): boolean {
  if (c.tag && e.tagName !== c.tag) return false;
  if (c.ids.length && !c.ids.every((id) => attr(e, 'id') === id)) return false;
  if (c.classes.length) {
    const classes = (attr(e, 'class') ?? '').split(/\s+/);
    if (!c.classes.every((k) => classes.includes(k))) return false;
  }
  return true;
}

/** The text of the page's <style> elements, up to MAX_STYLE_CHARS. */
function styleText(root: Node): string {
  let css = '';
  const stack: Node[] = [root];
  while (stack.length && css.length < MAX_STYLE_CHARS) {
    const n = stack.pop()!;
    if (isElement(n) && n.tagName === 'style') {
      for (const c of children(n)) if (c.nodeName === '#text') css += (c as DefaultTreeAdapterMap['textNode']).value + '\n';
      continue;
    }
    const list = children(n);
    for (let k = list.length - 1; k >= 0; k--) stack.push(list[k]);
  }
  return css;
}

/**
 * The elements of a parsed page that its style sheets hide (their content is hidden with them).
 * Walks the tree without recursion; the page's depth is already bounded (readHtml.ts).
 */
export function hiddenByStyleSheets(root: Node): Set<Element> {
  const hidden = new Set<Element>();
  const selectors = hidingSelectors(styleText(root));
  if (!selectors.length) return hidden;
  let steps = 0;
  const ancestors: Element[] = [];
  const walk: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  while (walk.length) {
    const { node, depth } = walk.pop()!;
    ancestors.length = depth;
    if (isElement(node)) {
      const own = attr(node, 'style');
      if (!(own !== undefined && SHOWS.test(own))) {
        for (const sel of selectors) {
          if (++steps > MAX_MATCH_STEPS) return hidden;
          if (!matches(node, sel[sel.length - 1])) continue;
          // Descendant combinators: each outer compound matched by some ancestor, nearest first.
          let k = sel.length - 2;
          for (let a = ancestors.length - 1; a >= 0 && k >= 0; a--) {
            steps++;
            if (matches(ancestors[a], sel[k])) k--;
          }
          if (k < 0) {
            hidden.add(node);
            break;
          }
        }
      }
      if (hidden.has(node)) continue; // what is inside is hidden with it
      ancestors.push(node);
    }
    const list = children(node);
    for (let k = list.length - 1; k >= 0; k--) walk.push({ node: list[k], depth: ancestors.length });
  }
  return hidden;
}
