/**
 * What every proxy shares (OfficeExtension.ClientObject): load() marks properties to read at the
 * next sync, reading one that was not loaded throws PropertyNotLoaded, and writes queue operations.
 */
import { MemOfficeError } from '../errors';
import { Workbook } from '../model/workbook';
import type { MemRequestContext, Op } from './context';

type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

function notLoaded(prop: string, owner: string): MemOfficeError {
  return new MemOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object (${owner}) and call "context.sync()" on the associated request context.`,
  );
}

/** Like OfficeExtension.ClientResult: value readable after sync. */
export class MemClientResult<T> {
  private _has = false;
  private _v: T | undefined;
  _resolve(v: T): void {
    this._v = v;
    this._has = true;
  }
  get value(): T {
    if (!this._has) throw notLoaded('value', 'ClientResult');
    return this._v as T;
  }
}

/** Turns the string / array / object forms of load() into "a/b/c" paths. */
export function normalizeLoad(opt?: LoadOption): string[] {
  if (opt === undefined || opt === null) return [];
  if (typeof opt === 'string')
    return opt
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(opt)) return opt.flatMap((s) => normalizeLoad(s));
  const o = opt as Record<string, unknown>;
  if ('select' in o || 'expand' in o) {
    return [...normalizeLoad(o.select as LoadOption), ...normalizeLoad(o.expand as LoadOption)];
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === '$all' || k === '$top' || k === '$skip') continue;
    if (v === true) out.push(k);
    else if (v && typeof v === 'object') {
      const sub = normalizeLoad(v as LoadOption);
      if (sub.length === 0) out.push(k);
      else out.push(...sub.map((s) => `${k}/${s}`));
    }
  }
  return out;
}

/**
 * Writes of the properties a proxy has (its setters, and its own fields, which start with "_")
 * go through; a property Excel has but the host does not simulate is refused with NotImplemented,
 * and a read-only one with a TypeError, as office.js's getters do.
 */
function refuseUnsimulatedWrites(target: object, prop: string | symbol, value: unknown, receiver: unknown): boolean {
  if (typeof prop === 'string' && !prop.startsWith('_') && !(prop in target))
    throw new MemOfficeError('NotImplemented', `The memory host does not simulate ${target.constructor.name.replace(/^Mem/, '')}.${prop}.`);
  return Reflect.set(target, prop, value, receiver);
}

export abstract class MemClientObject {
  /** @internal */ _loaded = new Map<string, unknown>();
  constructor(readonly context: MemRequestContext) {
    // A plain object would take a write of a property it does not have without a word, and the
    // add-in would be tested as if Excel had applied it: such a write throws instead.
    return new Proxy<MemClientObject>(this, { set: refuseUnsimulatedWrites });
  }

  protected get wb(): Workbook {
    return this.context._wb;
  }

  /** Whether the target is missing (an ...OrNullObject that found nothing). */
  abstract _isNull(): boolean;
  /** Scalar properties readable with load(). */
  protected abstract _scalars(): Record<string, () => unknown>;
  /** Navigation properties. */
  protected _navs(): Record<string, MemClientObject> {
    return {};
  }

  /** @internal Whether the object has been bound to its target (by a sync). */
  _resolved(): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (!this._resolved()) throw notLoaded('isNullObject', this.constructor.name.replace(/^Mem/, ''));
    return this._isNull();
  }

  protected _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw notLoaded(prop, this.constructor.name.replace(/^Mem/, ''));
    return this._loaded.get(prop) as T;
  }

  protected _set(prop: string, value: unknown, apply: Op): void {
    this._loaded.set(prop, value);
    this.context._enqueue(() => {
      if (this._isNull()) return;
      apply();
    });
  }

  protected _op(apply: Op): void {
    this.context._enqueue(() => {
      if (this._isNull()) return;
      apply();
    });
  }

  load(option?: LoadOption): this {
    const paths = normalizeLoad(option);
    this.context._enqueue(() => this._loadNow(paths));
    return this;
  }

  /** @internal Executes a load at sync time. */
  _loadNow(paths: string[]): void {
    if (this._isNull()) return;
    const scalars = this._scalars();
    const navs = this._navs();
    if (paths.length === 0) {
      for (const [k, f] of Object.entries(scalars)) this._loaded.set(k, f());
      return;
    }
    const groups = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      const h = head.trim();
      if (!groups.has(h)) groups.set(h, []);
      if (rest.length) groups.get(h)!.push(rest.join('/'));
    }
    for (const [h, rest] of groups) {
      if (h in scalars) this._loaded.set(h, scalars[h]());
      else if (h in navs) navs[h]._loadNow(rest);
      else if (h === 'isNullObject') continue;
      else throw new MemOfficeError('InvalidArgument', `Cannot load unknown property '${h}'.`);
    }
  }
}

/**
 * A proxy of one target (a range, a name, a conditional format, a set of areas) that its operation
 * finds at sync: undefined until then, null for a null object (an ...OrNullObject that found nothing).
 */
export abstract class MemTargetObject<T> extends MemClientObject {
  /** @internal */ _t: T | null | undefined;

  /** A proxy whose target `find` gives at the next sync. */
  static create<T, O extends MemTargetObject<T>>(
    this: new (context: MemRequestContext) => O,
    context: MemRequestContext,
    find: () => T | null,
  ): O {
    const o = new this(context);
    context._enqueue(() => {
      o._t = find();
    });
    return o;
  }

  /** A proxy of a target known now (an item of a collection being loaded). */
  static bound<T, O extends MemTargetObject<T>>(this: new (context: MemRequestContext) => O, context: MemRequestContext, target: T): O {
    const o = new this(context);
    o._t = target;
    return o;
  }

  _isNull(): boolean {
    return this._t === null;
  }

  _resolved(): boolean {
    return this._t !== undefined;
  }
}
