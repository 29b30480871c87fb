/**
 * The few ES2019+ library functions the add-in uses, for Office 2019 running add-ins in Edge Legacy
 * (EdgeHTML 18, no WebView2). Syntax is lowered by the build; these fill in the runtime.
 */
const arrayProto = Array.prototype as unknown as Record<string, unknown>;

if (!arrayProto.flat) {
  Object.defineProperty(Array.prototype, 'flat', {
    configurable: true,
    writable: true,
    value: function flat(this: unknown[], depth = 1): unknown[] {
      const out: unknown[] = [];
      const walk = (xs: unknown[], d: number) => {
        for (const x of xs)
          if (Array.isArray(x) && d > 0) walk(x, d - 1);
          else out.push(x);
      };
      walk(this, depth);
      return out;
    },
  });
}

if (!arrayProto.flatMap) {
  Object.defineProperty(Array.prototype, 'flatMap', {
    configurable: true,
    writable: true,
    value: function flatMap(this: unknown[], f: (x: unknown, i: number, a: unknown[]) => unknown, thisArg?: unknown): unknown[] {
      const out: unknown[] = [];
      this.forEach((x, i, a) => {
        const y = f.call(thisArg, x, i, a);
        if (Array.isArray(y)) out.push(...y);
        else out.push(y);
      });
      return out;
    },
  });
}

if (!(Object as unknown as Record<string, unknown>).fromEntries) {
  Object.defineProperty(Object, 'fromEntries', {
    configurable: true,
    writable: true,
    value: (entries: Iterable<[PropertyKey, unknown]>) => {
      const o: Record<PropertyKey, unknown> = {};
      for (const [k, v] of entries) o[k] = v;
      return o;
    },
  });
}

if (!(String.prototype as unknown as Record<string, unknown>).trimStart) {
  Object.defineProperty(String.prototype, 'trimStart', {
    configurable: true,
    writable: true,
    value: function trimStart(this: string) {
      return this.replace(/^[\s\uFEFF\xA0]+/, '');
    },
  });
}

if (!(Promise as unknown as Record<string, unknown>).allSettled) {
  Object.defineProperty(Promise, 'allSettled', {
    configurable: true,
    writable: true,
    value: (ps: Iterable<unknown>) =>
      Promise.all(
        Array.from(ps, (p) =>
          Promise.resolve(p).then(
            (value) => ({ status: 'fulfilled', value }),
            (reason) => ({ status: 'rejected', reason }),
          ),
        ),
      ),
  });
}

export {};
