// The part of pako 1.x (JSZip's inflater) that src/read/inflate.ts uses.
declare module 'pako/lib/inflate' {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, end: boolean): boolean;
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    ended: boolean;
    err: number;
    msg: string;
  }
}
