import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Arg, Out } from '../../src/functions/define';
import { registry } from '../../src/functions/registry';
import { call } from '../support/call';

/** Anything a cell can hold: numbers, blanks, numeric text, other text, booleans, dates, known words. */
const cell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constant(''),
  fc.constantFrom('12.5', '12,5', '15 %', '1,200', '0', '1', '0,3', ' 42 ', '-3', '1e3', '100 000'),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
  fc.constantFrom(
    '2026-02-15',
    '2026-13-01',
    'increase',
    'jalon',
    'done',
    'à faire',
    'team',
    'company',
    'lower',
    'engagé',
  ),
  fc.constantFrom('a', 'b', 'c', 'o1'),
);

const ranges: Record<string, (v: number) => boolean> = {
  KR_SCORE: (v) => v >= 0 && v <= 1,
  KR_PROGRESS: () => true,
  KPI_LATEST: () => true,
  OKR_SCORE: (v) => v >= 0 && v <= 1,
  OKR_ROLLUP: (v) => v >= 0 && v <= 1,
  OKR_ALIGNMENT: (v) => v >= 0 && v <= 1,
  QUARTER_PROGRESS: (v) => v >= 0 && v < 1,
  KR_FORECAST: (v) => v >= 0 && v <= 1,
};
const words: Record<string, (s: string) => boolean> = {
  OKR_GRADE: (s) => ['green', 'yellow', 'red'].includes(s),
  KPI_STATUS: (s) => ['green', 'yellow', 'red'].includes(s),
  OKR_STATUS: (s) => ['achieved', 'on track', 'at risk', 'off track'].includes(s),
  KPI_TREND: (s) => ['improving', 'worsening', 'stable'].includes(s),
  OKR_ALIGNED: (s) => ['top', 'aligned', 'orphan'].includes(s) || /^(broken|cycle): ./.test(s),
};

/** Per cell: a number in the function's documented range, a blank, a '#' text, or one of its words. */
function validCell(name: string, v: Out): boolean {
  if (v === '') return true;
  if (typeof v === 'number') return Number.isFinite(v) && (ranges[name]?.(v) ?? false);
  if (typeof v === 'string') return v.startsWith('#') || (words[name]?.(v) ?? false);
  return false;
}

function validResult(name: string, out: unknown): boolean {
  if (Array.isArray(out))
    return out.every((row) => Array.isArray(row) && row.every((v) => validCell(name, v)));
  return validCell(name, out as Out);
}

const grid = (rows: number, cols: number) =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** Arguments with consistent shapes: per group, each range has the group's shape or is a single cell. */
function argsFor(spec: (typeof registry)[number]) {
  return fc
    .record({
      a: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 2 })),
      b: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constant(1)),
    })
    .chain(({ a, b }) =>
      fc.tuple(
        ...spec.params.map((p): fc.Arbitrary<Arg> => {
          const [rows, cols] = p.group === 'b' ? b : p.group === 'perRow' ? [a[0], 1] : a;
          const options: fc.Arbitrary<Arg>[] = [cell, grid(1, 1), grid(rows, cols)];
          if (p.optional) options.push(fc.constant(undefined));
          return fc.oneof(...options);
        }),
      ),
    );
}

describe('every function, any input', () => {
  for (const spec of registry) {
    test(`${spec.name}: each result cell is in range, blank, a word or a # text; never NaN, Infinity, null or undefined`, () => {
      fc.assert(
        fc.property(argsFor(spec), (args) => {
          let out: unknown;
          try {
            out = call(spec.name, ...args);
          } catch (e) {
            // only a call on single cells, or one whose ranges disagree in shape, may throw; it names the function
            expect(e).toBeInstanceOf(Error);
            const message = (e as Error).message;
            expect(message.startsWith(`${spec.name}: `)).toBe(true);
            const single = args.every((a) => !Array.isArray(a) || (a.length === 1 && a[0]!.length === 1));
            expect(single || /same shape|one per row/.test(message)).toBe(true);
            return;
          }
          expect(validResult(spec.name, out)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    test(`${spec.name}: single cells return a value or throw an Error naming the function`, () => {
      fc.assert(
        fc.property(fc.tuple(...spec.params.map(() => cell)), (args) => {
          try {
            const out = call(spec.name, ...args);
            expect(
              Array.isArray(out)
                ? out.flat().length === 1 && validResult(spec.name, out)
                : validCell(spec.name, out as Out),
            ).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(Error);
            expect((e as Error).message).toMatch(new RegExp(`^${spec.name}: `));
            expect((e as Error).message).not.toMatch(/undefined|NaN|\[object/);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('shapes', () => {
  test('ranges of one group that differ in shape throw an Error naming both', () => {
    for (const spec of registry.filter((s) => s.params.filter((p) => (p.group ?? 'a') === 'a').length >= 2)) {
      const args: Arg[] = spec.params.map((p, i) =>
        i === 0 ? [[1], [2]] : i === 1 ? [[1], [2], [3]] : p.group === 'b' ? [['x']] : undefined,
      );
      expect(() => call(spec.name, ...args), spec.name).toThrow(
        `${spec.name}: ${spec.params[0]!.name} (2×1) and ${spec.params[1]!.name} (3×1) must have the same shape, or be a single cell.`,
      );
    }
  });
});
