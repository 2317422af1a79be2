const MAX_DEPTH = 512;

/**
 * Copies a value the way a JSON round trip would (what an SQL store keeps) and freezes the copy
 * in the same pass: stored events are immutable for every reader. One pass instead of
 * stringify, parse and a freeze walk, because this runs for every appended event.
 *
 * @throws TypeError for values JSON cannot hold (BigInt, cycles or absurd nesting).
 */
export function frozenJsonCopy<T>(value: T): T {
  return copy(value, 0) as T;
}

function copy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no -0, NaN or Infinity: a round trip gives 0 and null.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'bigint':
      throw new TypeError('a BigInt cannot be stored as JSON');
    case 'object': {
      if (value === null) return null;
      if (depth > MAX_DEPTH)
        throw new TypeError('value is nested too deeply (or circular) to store as JSON');
      const json = (value as { toJSON?: unknown }).toJSON;
      if (typeof json === 'function') return copy(json.call(value), depth + 1);
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = copy(value[i], depth + 1);
          out[i] = item === undefined ? null : item;
        }
        return Object.freeze(out);
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const item = copy((value as Record<string, unknown>)[key], depth + 1);
        if (item === undefined) continue;
        // "__proto__" is data in JSON; plain assignment would set the prototype instead.
        if (key === '__proto__') {
          Object.defineProperty(out, key, {
            value: item,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else {
          out[key] = item;
        }
      }
      return Object.freeze(out);
    }
    default:
      // Functions, symbols and undefined are dropped, as JSON.stringify drops them.
      return undefined;
  }
}

/** Copies a value through JSON, so the memory store keeps exactly what an SQL store would. */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
