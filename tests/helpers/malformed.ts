import fc from 'fast-check';

/**
 * Arbitraries for input nobody should send: wrong types, odd numbers, hostile strings, prototype keys,
 * deep nesting, and a command's own valid sample with one part broken. `ipc` adds what Electron's structured
 * clone can carry but JSON cannot (NaN, Infinity, undefined, BigInt, Date); without it every value survives
 * JSON.stringify, for the HTTP transport.
 */

export const FUZZ_SEED = 20261122;

const HUGE = ['x'.repeat(70_000), '1'.repeat(100_000), '\u{1F600}'.repeat(20_000), `${' '.repeat(50_000)}a`, 'e\u0301'.repeat(30_000)];

const SPECIAL_STRINGS = [
  '', ' ', '\t\n', '\u0000', '\u0007', '\u007f', '\u0085', '\uD800', '\uDFFF', 'a\uD800b', 'e\u0301', '\u202Eevil', '\u200B', '\uFEFF',
  '\u2028', '\u00A0', 'Zoë', 'İstanbul', 'ß', 'ﬃ', '１２３４', '٤٨٢٦', '𝟒𝟖𝟐𝟔', '4826\n', ' 4826', '4826 ', '0000', '12345678', '123456789',
  '2026-02-30', '2026-11-23', '2026-11-23T09:00:00Z', '24:00', '17:30', 'null', 'undefined', 'true', 'NaN', '[]', '{}', '__proto__',
  'constructor', "'; DROP TABLE staff; --", '%s%n%x', '../../etc/passwd', '<script>alert(1)</script>', 'AAAAAAAAAAAAAAAAAAAAAAAAAA',
  'aaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-0001', 'visitor', 'staff', 'learner', 'phone', 'office', 'dsl', 'admin',
  ...HUGE,
];

const SPECIAL_NUMBERS_JSON = [-0, 0, 1, -1, 2, 1.5, 0.1, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 32, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e21, 999_999];
const SPECIAL_NUMBERS_IPC = [NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2];

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];

/** An own property, even for "__proto__" (plain assignment would set the prototype instead). */
export function withOwn(base: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = Array.isArray(base) ? ({ ...base } as Record<string, unknown>) : { ...(base as Record<string, unknown>) };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function nest(depth: number, useArrays: boolean, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = useArrays ? [value] : { a: value };
  return value;
}

export interface MalformedOptions {
  ipc: boolean;
}

function parts({ ipc }: MalformedOptions) {
  const strings = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(...SPECIAL_STRINGS),
  );
  const numbers = fc.oneof(
    fc.constantFrom(...SPECIAL_NUMBERS_JSON, ...(ipc ? SPECIAL_NUMBERS_IPC : [])),
    fc.integer(),
    fc.double({ noNaN: !ipc, noDefaultInfinity: !ipc }),
  );
  const leaf = fc.oneof(
    strings,
    numbers,
    fc.boolean(),
    fc.constant(null),
    ...(ipc ? [fc.constant(undefined), fc.bigInt(), fc.date()] : []),
  );
  const protoObject = fc
    .tuple(fc.constantFrom(...PROTO_KEYS), fc.oneof(leaf, fc.constant({ isAdmin: true, roles: ['admin'] })))
    .map(([key, value]) => withOwn({}, key, value));
  const deep = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean(), leaf).map(([depth, arrays, inner]) => nest(depth, arrays, inner));
  const value = fc.oneof(
    { arbitrary: leaf, weight: 4 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
    { arbitrary: fc.array(leaf, { maxLength: 30 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.string(), leaf, { maxKeys: 6 }), weight: 1 },
    { arbitrary: protoObject, weight: 1 },
    { arbitrary: deep, weight: 1 },
  );
  return { strings, numbers, value };
}

export function anyValue(options: MalformedOptions): fc.Arbitrary<unknown> {
  return parts(options).value;
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push([...prefix, i], ...pathsOf(item, [...prefix, i])));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push([...prefix, key], ...pathsOf(item, [...prefix, key]));
  }
  return out;
}

function objectPathsOf(value: unknown): Path[] {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  return [[], ...pathsOf(value)].filter((p) => isObject(get(value, p)));
}

function get(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

function edit(root: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(root);
  change(get(copy, path.slice(0, -1)) as Record<string | number, unknown>, path[path.length - 1]!);
  return copy;
}

/**
 * Payloads for one command: arbitrary values, the command's own keys with wrong values, its valid sample
 * with one part replaced or removed, and the sample with extra (and prototype) keys at any level.
 */
export function malformedFor(sample: unknown, options: MalformedOptions): fc.Arbitrary<unknown> {
  const { value } = parts(options);
  const keys = sample !== null && typeof sample === 'object' ? Object.keys(sample) : [];
  const paths = pathsOf(sample);
  const objectPaths = objectPathsOf(sample);
  const extraKey = fc.oneof(fc.constantFrom(...PROTO_KEYS, 'isAdmin', 'roles', 'staffId', 'id'), fc.string({ maxLength: 12 }));

  const branches: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: value, weight: 3 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...objectPaths), extraKey, value).map(([path, key, v]) =>
        path.length === 0 ? withOwn(sample as object, key, v) : edit(sample, path, (parent, at) => (parent[at] = withOwn(parent[at] as object, key, v))),
      ),
      weight: 2,
    },
  ];
  if (keys.length > 0) {
    branches.push({ arbitrary: fc.dictionary(fc.constantFrom(...keys), value, { minKeys: 1 }), weight: 2 });
  }
  if (paths.length > 0) {
    branches.push(
      {
        arbitrary: fc.tuple(fc.constantFrom(...paths), value).map(([path, v]) => edit(sample, path, (parent, at) => (parent[at] = v))),
        weight: 4,
      },
      {
        arbitrary: fc.constantFrom(...paths).map((path) =>
          edit(sample, path, (parent, at) => (Array.isArray(parent) ? parent.splice(Number(at), 1) : delete parent[at])),
        ),
        weight: 1,
      },
    );
  }
  return fc.oneof(...branches);
}

/** A short, safe description of a payload for a failure message (BigInt, cycles-free, huge strings cut). */
export function describePayload(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_key, v: unknown) => {
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      if (typeof v === 'number' && Object.is(v, -0)) return '-0';
      if (v === undefined) return '(undefined)';
      if (typeof v === 'string' && v.length > 60) return `${v.slice(0, 20)}…(${v.length} chars)`;
      return v;
    });
    return (text ?? String(payload)).slice(0, 400);
  } catch {
    return `(${typeof payload})`;
  }
}

/**
 * The valid sample with one value swapped for another of the same JSON type, or one part removed: these get
 * past the type checks to the rules behind them (lengths, formats, ids that do not exist, states that do not
 * allow the change), so some are refused by the services and a few are simply valid.
 */
export function nearValidFor(sample: unknown, options: MalformedOptions): fc.Arbitrary<unknown> {
  const { strings, numbers, value } = parts(options);
  const sameType = (was: unknown): fc.Arbitrary<unknown> =>
    typeof was === 'string' ? strings
    : typeof was === 'number' ? numbers
    : typeof was === 'boolean' ? fc.boolean()
    : Array.isArray(was) ? fc.array(fc.oneof(value, ...(was.length ? [fc.constantFrom(...was)] : [])), { maxLength: 25 })
    : value;
  const paths = pathsOf(sample);
  if (paths.length === 0) return fc.constant(sample);
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(...paths).chain((path) => sameType(get(sample, path)).map((v) => edit(sample, path, (parent, at) => (parent[at] = v)))),
      weight: 4,
    },
    {
      arbitrary: fc.constantFrom(...paths).map((path) =>
        edit(sample, path, (parent, at) => (Array.isArray(parent) ? parent.splice(Number(at), 1) : delete parent[at])),
      ),
      weight: 1,
    },
  );
}
