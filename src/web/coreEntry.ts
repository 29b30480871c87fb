import { handle } from './core';
import type { Request } from './protocol';

// The core's script: in a Web Worker it answers the page's messages; loaded in the page itself (the
// browser refused workers), it hands the page its `handle`.

declare const self: {
  document?: unknown;
  postMessage: (message: unknown, transfer?: Transferable[]) => void;
  onmessage: ((e: { data: { id: number; request: Request } }) => void) | null;
  xxgkCore?: { handle: typeof handle };
};

if (typeof self.document === 'undefined') {
  self.onmessage = async (e) => {
    const { id, request } = e.data;
    const answer = await handle(request);
    const bytes = 'bytes' in answer && answer.bytes ? [answer.bytes.buffer as ArrayBuffer] : [];
    self.postMessage({ id, answer }, bytes);
  };
} else {
  self.xxgkCore = { handle };
}
