import { STORE_LIMITS } from './store-limits.js';

/**
 * Why documents could not be folded in place; the runner then folds the page with immer, which
 * gives the answer the projection contract defines. `lasting` problems (a document that is not
 * a tree of plain objects and arrays, one too large to walk after every event, an `apply` that
 * returns values) would recur on every page, so the runner stops trying for that projection.
 */
export class InPlaceUnsupported extends Error {
  readonly lasting: boolean;
  constructor(message: string, lasting: boolean) {
    super(message);
    this.name = 'InPlaceUnsupported';
    this.lasting = lasting;
  }
}

/**
 * Entries walked per document after one event before the in-place fold gives up: beyond this a
 * walk costs more than immer's copy-on-write of the changed path.
 */
export const MAX_WALKED_ENTRIES = 4096;

/**
 * Documents of one page that the runner owns outright, so `apply` can mutate them in place
 * instead of through an immer draft.
 *
 * Immer never changes an object it did not copy: a constant or an event's data assigned into a
 * draft stays untouched when a later event changes the document, and two places holding one
 * object are copied apart on their first write. Mutating in place must keep that, so after
 * every event `settle` walks the document and replaces every object it does not own, or meets
 * a second time, by a private deep copy. Every object in a settled document is then owned and
 * reachable once, and the next event's mutations touch nothing outside it.
 *
 * One difference remains: immer refuses `Object.defineProperty` and `Object.setPrototypeOf` on a
 * draft, a plain object does not. Documents are plain JSON, so projections have no use for them.
 */
export class OwnedDocuments {
  /** Owned objects, each with the walk that last reached it (to find one reached twice). */
  private readonly owned = new Map<object, number>();
  private walk = 0;
  private entries = 0;

  /** A private deep copy of a loaded or initial document. */
  adopt(document: unknown): unknown {
    this.walk++;
    this.entries = 0;
    return this.copy(document, 0);
  }

  /**
   * Makes `document` a tree of owned objects after `apply` changed it in place; returns it.
   * @throws InPlaceUnsupported for a value that is not a plain object, array or JSON scalar.
   */
  settle(document: unknown): unknown {
    if (typeof document !== 'object' || document === null || !this.owned.has(document)) {
      throw new InPlaceUnsupported('the document is not an object the runner copied', true);
    }
    this.walk++;
    this.entries = 0;
    this.owned.set(document, this.walk);
    this.visit(document as Record<string, unknown>, 1);
    return document;
  }

  private visit(node: Record<string, unknown> | unknown[], depth: number): void {
    if (Array.isArray(node)) {
      this.count(node.length);
      for (let index = 0; index < node.length; index++) {
        const value = node[index];
        if (typeof value === 'object' && value !== null) {
          const settled = this.child(value, depth);
          if (settled !== value) node[index] = settled;
        }
      }
      return;
    }
    const keys = Object.keys(node);
    this.count(keys.length);
    for (const key of keys) {
      const value = node[key];
      if (typeof value === 'object' && value !== null) {
        const settled = this.child(value, depth);
        if (settled !== value) setData(node, key, settled);
      }
    }
  }

  private child(value: object, depth: number): unknown {
    const walk = this.owned.get(value);
    // Not copied by the runner (a constant, an event's data, a new literal), or reached twice.
    if (walk === undefined || walk === this.walk) return this.copy(value, depth);
    this.owned.set(value, this.walk);
    this.visit(value as Record<string, unknown>, depth + 1);
    return value;
  }

  private copy(value: unknown, depth: number): unknown {
    if (typeof value !== 'object' || value === null) return value;
    // Deeper than any store keeps (or circular): let immer and the storability check decide.
    if (depth > STORE_LIMITS.jsonDepth) {
      throw new InPlaceUnsupported('the document nests too deeply to copy', false);
    }
    if (Array.isArray(value)) {
      this.count(value.length);
      const out = new Array<unknown>(value.length);
      for (let index = 0; index < value.length; index++) {
        out[index] = this.copy(value[index], depth + 1);
      }
      this.owned.set(out, this.walk);
      return out;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      // Immer shares class instances, dates and maps instead of drafting them; copying them
      // would change what the document holds.
      throw new InPlaceUnsupported('the document holds a value that is not plain JSON', true);
    }
    const keys = Object.keys(value);
    this.count(keys.length);
    const out: Record<string, unknown> = prototype === null ? Object.create(null) : {};
    for (const key of keys) {
      setData(out, key, this.copy((value as Record<string, unknown>)[key], depth + 1));
    }
    this.owned.set(out, this.walk);
    return out;
  }

  private count(entries: number): void {
    this.entries += entries;
    if (this.entries > MAX_WALKED_ENTRIES) {
      throw new InPlaceUnsupported(`the document has over ${MAX_WALKED_ENTRIES} entries`, true);
    }
  }
}

/** Sets a property as data; `__proto__` from JSON is an ordinary key, not the prototype. */
function setData(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
