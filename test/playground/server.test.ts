/**
 * The playground's server without a browser: what the grid is sent, the shim's place in the add-on's
 * HTML, and requests that go wrong (a failing handler, broken HTTP, a client that hangs up) never
 * stopping it. The CLI (`npm start`) prints its address and serves on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { contentSize, editText, localizeFormula } from '../../playground/grid-data';
import type { GridState } from '../../playground/protocol';
import { withShim } from '../../playground/shim-inject';
import { playground, tempDir } from '../e2e/support';
import { root } from '../support/bundle';

/** Writes raw bytes to the server and reads what comes back until it closes or 1 s passes. */
function raw(port: number, bytes: string, hangUp = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(bytes);
      if (hangUp) socket.destroy();
    });
    let got = '';
    socket.on('data', (d) => {
      got += d.toString();
    });
    socket.on('close', () => resolve(got));
    socket.on('error', () => resolve(got));
    setTimeout(() => {
      socket.destroy();
      resolve(got);
    }, 1000);
  });
}

describe('what the grid is sent', () => {
  test('formulas read in a comma-decimal locale keep strings and quoted sheet names whole', () => {
    expect(localizeFormula(`=IF(A1>0.5,"a,b.1",'Q 1.2'!B2)`)).toBe(`=IF(A1>0,5;"a,b.1";'Q 1.2'!B2)`);
    expect(localizeFormula('=KR_SCORE(J2:J,K2:K,L2:L)')).toBe('=KR_SCORE(J2:J;K2:K;L2:L)');
  });

  test('the cell editor starts from what Sheets shows there: full precision, percentages, formulas', () => {
    const cell = (value: number | string | boolean, numberFormat = 'General', formula = '') => ({
      value,
      display: String(value),
      formula,
      numberFormat,
      background: '#ffffff',
      fontColor: '#000000',
      bold: false,
      italic: false,
      align: 'general',
      wrap: false,
      note: '',
    });
    expect(editText(cell(0.6666666666666666, '0%'), 'en_US')).toBe('66.6666666666667%');
    expect(editText(cell(0.1 + 0.2), 'en_US')).toBe('0.3');
    expect(editText(cell(12.5), 'fr_FR')).toBe('12,5');
    expect(editText(cell(true), 'fr_FR')).toBe('VRAI');
    expect(editText(cell(3, 'General', '=1+2'), 'en_US')).toBe('=1+2');
    expect(editText(cell('text'), 'en_US')).toBe('text');
  });

  test('a sheet made 1000 rows long by its open-ended formulas is sent as its content plus a margin', () => {
    const blank = { display: '', formula: '', note: '' };
    const cells = Array.from({ length: 1000 }, (_, i) =>
      Array.from({ length: 26 }, (_, j) => (i === 9 && j === 3 ? { ...blank, display: 'x' } : blank)),
    );
    expect(contentSize({ cells, charts: [] } as never)).toEqual({ rows: 30, cols: 26 });
    cells[99]![0] = { ...blank, display: 'y' };
    expect(contentSize({ cells, charts: [] } as never)).toEqual({ rows: 120, cols: 26 });
  });

  test('a chart below the content is sent with the rows it covers, and a margin', () => {
    const blank = { display: '', formula: '', note: '' };
    const cells = Array.from({ length: 1000 }, () => Array.from({ length: 26 }, () => blank));
    // 371 px from row 40: 18 rows of 21 px, through row 57
    const chart = { anchor: { row: 40, col: 2, offsetX: 0, offsetY: 0 }, width: 600, height: 371 };
    const columnWidths = new Array(26).fill(100);
    expect(contentSize({ cells, charts: [chart], columnWidths } as never)).toEqual({ rows: 78, cols: 26 });
  });
});

describe('the shim in the add-on’s HTML', () => {
  test('goes first in the head, before the page’s own script, with the endpoint names escaped', () => {
    const html = withShim(
      '<html><head><base target="_top"></head><body><script>page()</script></body></html>',
      'shim()',
      ['a"b'],
    );
    expect(html).toBe(
      '<html><head><script data-endpoints="[&quot;a\\&quot;b&quot;]">shim()</script><base target="_top"></head><body><script>page()</script></body></html>',
    );
    expect(() => withShim('<head></head>', 'x("</script>")', [])).toThrow(/<\/script/);
  });
});

describe('the server keeps serving', () => {
  const tmp = tempDir();
  let pg: Awaited<ReturnType<typeof playground>>;

  beforeAll(async () => {
    pg = await playground({ file: tmp.file, fresh: true, example: false, locale: 'fr_FR' });
  }, 60_000);

  afterAll(async () => {
    await pg?.close();
    tmp.remove();
  });

  const state = async () => (await (await fetch(new URL('/api/state', pg.url))).json()) as GridState;

  test('a new workbook takes the --locale given; the file is written at once', async () => {
    const s = await state();
    expect(s.spreadsheet.locale).toBe('fr_FR');
    expect(s.tabs.map((t) => t.name)).toEqual(['Feuille 1']);
    expect(existsSync(tmp.file)).toBe(true);
  });

  test('a handler that throws answers 500 with its message, logged, and the next request is served', async () => {
    const original = pg.session.state.bind(pg.session);
    pg.session.state = () => {
      throw new Error('boom');
    };
    try {
      const res = await fetch(new URL('/api/state', pg.url));
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: 'Playground error: boom' });
      expect(pg.errors.join('\n')).toMatch(/GET \/api\/state: Error: boom/);
    } finally {
      pg.session.state = original;
      pg.errors.length = 0;
    }
    expect((await fetch(new URL('/api/state', pg.url))).status).toBe(200);
  });

  test('broken HTTP, a client hanging up mid-body, and odd methods leave it serving', async () => {
    expect(await raw(pg.port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1.1 400/);
    await raw(
      pg.port,
      'POST /api/run HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"na',
      true,
    );
    const put = await fetch(new URL('/', pg.url), { method: 'PUT' });
    expect(put.status).toBe(405);
    expect((await fetch(new URL('/api/run', pg.url))).status).toBe(404);
    expect((await fetch(new URL('/', pg.url))).status).toBe(200);
    expect(pg.errors).toEqual([]);
  });

  test('the page is served with a strict Content-Security-Policy; the add-on’s pages in a sandbox', async () => {
    const page = await fetch(new URL('/', pg.url));
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const shown = (await (
      await fetch(new URL('/api/menu', pg.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'showInsertQuarter' }),
      })
    ).json()) as { shown: { id: string; kind: string; title: string }[] };
    expect(shown.shown).toMatchObject([{ kind: 'modal', title: 'Insérer un trimestre' }]);
    const surface = await fetch(new URL(`/surface/${shown.shown[0]!.id}`, pg.url));
    expect(surface.headers.get('content-security-policy')).toMatch(/^sandbox allow-scripts/);
    expect(await surface.text()).toMatch(
      /^<!DOCTYPE html>\s*<html lang="en">\s*<head><script data-endpoints=/,
    );
  });
});

test('without Chromium the browser tests fail (never skip), saying how to install it', async () => {
  await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/apt-get install -y chromium/);
});

describe('npm start', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill();
  });

  test('prints its address on 127.0.0.1 and serves the page there', async () => {
    const tmp = tempDir();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'playground/server.ts', '--port', '0', '--file', join(tmp.dir, 'w.json')],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (d) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      child!.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toMatch(/new workbook/);
    expect(out).toContain('w.json');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>OKR &amp; KPI playground</title>');
    child.kill();
    tmp.remove();
  }, 60_000);
});
