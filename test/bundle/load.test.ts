/**
 * Sheets loads dist/Code.js for every custom-function call: its top level only defines. Checked with
 * V8's own call counts (precise coverage) while the bundle loads into a bare node:vm context: what
 * runs is esbuild's module set-up of the custom functions and the core they use, nothing of zod or
 * of the rest of the add-on, which initialises on the first trigger, menu or endpoint call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { helpOf } from '../../src/functions/help';
import { registry } from '../../src/functions/registry';
import { bundleCode, root } from '../support/bundle';

const session = new Session();
beforeAll(async () => {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
});
afterAll(async () => {
  await session.post('Profiler.stopPreciseCoverage');
  session.disconnect();
});

let loads = 0;

/** Loads the bundle, runs `then` in it, and returns the source of every function that ran. */
async function ran(code: string, then?: (context: vm.Context) => void): Promise<string[]> {
  // a filename of its own: V8's counts are per script, and no compiled code is shared with a former load
  const filename = `Code-load-${++loads}.js`;
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename });
  then?.(context);
  const { result } = await session.post('Profiler.takePreciseCoverage');
  const script = result.find((s) => s.url.endsWith(filename));
  if (!script) throw new Error(`no coverage for ${filename}`);
  return script.functions
    .map((f) => f.ranges[0]!)
    .filter((r) => r.count > 0 && r.endOffset - r.startOffset < code.length / 2)
    .map((r) => code.slice(r.startOffset, r.endOffset));
}

describe('what runs when Code.js loads', () => {
  const code = bundleCode();

  test('nothing of zod, of the menu or of the endpoints: only the custom functions’ modules', async () => {
    const sources = await ran(code);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((s) => s.includes('_zod'))).toEqual([]);
    expect(sources.filter((s) => s.includes('createAddonMenu'))).toEqual([]);
    // a dozen modules set up, each a few closures and tables: no loop over data, no service call
    expect(sources.length).toBeLessThan(60);
  });

  test('the first menu call initialises the rest (zod included), once', async () => {
    const sources = await ran(code, (context) => {
      // no SpreadsheetApp here: onOpen fails, after the add-on has initialised
      expect(() => (context.onOpen as () => void)()).toThrow();
    });
    expect(sources.some((s) => s.includes('createAddonMenu'))).toBe(true);
    expect(sources.some((s) => s.includes('_zod'))).toBe(true);
  });

  test('a custom function needs no more than what loaded', async () => {
    const sources = await ran(code, (context) => {
      expect((context.KR_SCORE as (...a: unknown[]) => unknown)(0, 10, 5)).toBe(0.5);
    });
    expect(sources.filter((s) => s.includes('_zod') || s.includes('createAddonMenu'))).toEqual([]);
  });
});

describe('the functions’ help is in the stubs’ JSDoc only', () => {
  const code = bundleCode();
  const count = (text: string, within = code) => within.split(text).length - 1;
  // the stubs follow the IIFE: `var OkrKpi=(()=>{…})();`
  const stubs = code.slice(code.indexOf('\n/**\n'));
  /** Texts of src/ other than help.ts: a help text may also be, say, a header's note in a template. */
  const others = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith(join('functions', 'help.ts')))
    .map((f) => readFileSync(join(root, 'src', f), 'utf8'))
    // a no-break space written as an escape in the source is the character in the bundle
    .map((s) => s.replace(/\\u00a0/g, '\u00a0'));

  test('no module of the bundle imports src/functions/help.ts', () => {
    expect(others.filter((s) => /from '\.\/help'|functions\/help'/.test(s))).toEqual([]);
  });

  test('types, returns and examples only in the stubs; French help nowhere (unless used elsewhere)', () => {
    expect(count('Array<Array<')).toBe(count('Array<Array<', stubs));
    for (const spec of registry) {
      const help = helpOf(spec);
      expect(count(help.example), spec.name).toBe(0);
      const texts = [help.returns.fr, ...help.paramList.map((p) => p.fr)];
      for (const fr of texts) {
        if (others.some((s) => s.includes(fr))) continue;
        expect(count(fr), `${spec.name}: ${fr}`).toBe(0);
      }
      for (const p of help.paramList) expect(count(p.en, stubs), `${spec.name} ${p.name}`).toBeGreaterThan(0);
    }
  });
});
