import type { MemRange } from './range';

// Proxy classes found at run time: range.ts registers MemRange when it loads (context.ts loads it), so the
// modules that range.ts imports and that make or test ranges import range.ts for types only (no runtime import cycle).
export const kinds = {} as { MemRange: typeof MemRange };
