/**
 * The probe suite (probes/, built by `npm run probes` into dist-probes/) on the emulator: the very
 * Code.js a maintainer pushes to a scratch spreadsheet runs here, every probe passes (or, where a
 * person must look, leaves its check), the menu and the report work, and the build has one
 * top-level probe per behaviour emulator/README.md pins — no more, no less.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { PROBES, type ProbeResult, REPORT_SHEET } from '../../probes/index';
import { buildProbes, PROBES_DIR, probesManifest } from '../../scripts/probes';
import { ROOT } from './support';

let code = '';

beforeAll(async () => {
  code = readFileSync(await buildProbes(), 'utf8');
}, 60_000);

function probeBook(locale = 'en_US') {
  const wb = createWorkbook({ locale, timeZone: 'Europe/Paris' });
  const app = wb.loadBundle({ path: join(PROBES_DIR, 'Code.js') });
  app.call('onOpen', { authMode: 'LIMITED' });
  return { wb, app };
}

/** The probe ids emulator/README.md's pinned list names, one per behaviour. */
function pinnedIds(): string[] {
  const readme = readFileSync(join(ROOT, 'emulator', 'README.md'), 'utf8');
  // the section runs to the next heading of its level
  const start = readme.indexOf('## Pinned choices');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return section
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => {
      const m = /; probe `([a-z0-9_]+)`\)$/.exec(l);
      if (!m) throw new Error(`a pinned behaviour without its probe: ${l}`);
      return m[1]!;
    });
}

describe('the probe build (npm run probes → dist-probes/)', () => {
  it('has one top-level probe per behaviour pinned in emulator/README.md, and no other', () => {
    const pinned = pinnedIds();
    const built = [...code.matchAll(/^function probe_([a-z0-9_]+)\(\)/gm)].map((m) => m[1]!);
    expect(new Set(pinned).size).toBe(pinned.length);
    expect([...built].sort()).toEqual([...pinned].sort());
    expect(PROBES.map((p) => p.id).sort()).toEqual([...pinned].sort());
  });

  it('names each probe’s test, which exists, and its source tag', () => {
    for (const p of PROBES) {
      expect(() => readFileSync(join(ROOT, p.test)), p.id).not.toThrow();
      expect(p.source, p.id).toMatch(/^\[.+\]$/);
    }
  });

  it('has the menu, the custom functions and the wire endpoints as top-level functions; the narrowest scopes', () => {
    for (const name of [
      'onOpen',
      'runAllProbes',
      'showWireCheck',
      'recordProbes',
      'probeWireEcho',
      'PROBE_ECHO',
      'probeTwice',
    ])
      expect(code, name).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    const manifest = JSON.parse(readFileSync(join(PROBES_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest).toEqual(probesManifest);
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(readFileSync(join(PROBES_DIR, 'wire.html'), 'utf8')).toContain('google.script.run');
    expect(readFileSync(join(PROBES_DIR, '.gitignore'), 'utf8')).toBe('*\n');
    expect(readFileSync(join(PROBES_DIR, '.claspignore'), 'utf8')).toContain('!Code.js');
    expect(JSON.parse(readFileSync(join(PROBES_DIR, 'biome.json'), 'utf8')).linter.enabled).toBe(false);
  });

  it('runs the probes nobody has confirmed first', () => {
    const firstConfirmed = PROBES.findIndex((p) => !/UNVERIFIED/.test(p.source));
    expect(firstConfirmed).toBeGreaterThan(0);
    expect(PROBES.slice(firstConfirmed).every((p) => !/UNVERIFIED/.test(p.source))).toBe(true);
  });
});

describe('every probe on the emulator', () => {
  it.each(PROBES.map((p) => [p.id]))('%s passes (or leaves only a check by hand)', (id) => {
    const { wb, app } = probeBook();
    const r = app.call(`probe_${id}`) as ProbeResult;
    expect(r.saw.split('\n').filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(r.status).not.toBe('fail');
    // a probe tidies up: only a sheet a person must look at stays
    const left = wb.spreadsheet.getSheets().filter((s) => s.getName().startsWith('probe '));
    expect(left.length > 0).toBe(r.status === 'check' && r.check.includes('In "probe '));
  });
});

describe('Probes › Run all', () => {
  it('writes the report: one row per probe, the unconfirmed ones first, no FAIL; toasts a summary', () => {
    const { wb, app } = probeBook();
    expect(app.services.ui.menus()).toEqual([
      {
        caption: 'Probes',
        addon: false,
        items: [
          { caption: 'Run all', functionName: 'runAllProbes' },
          { caption: 'Check google.script.run', functionName: 'showWireCheck' },
        ],
      },
    ]);
    const results = app.call('runAllProbes') as ProbeResult[];
    expect(results.map((r) => r.id)).toEqual(PROBES.map((p) => p.id));
    const report = wb.sheet(REPORT_SHEET);
    const rows = report.getRange(2, 1, report.getLastRow() - 1, 7).getValues();
    expect(rows.map((r) => r[1])).toEqual(PROBES.map((p) => p.id));
    expect(rows.map((r) => r[0]).filter((s) => s === 'FAIL')).toEqual([]);
    expect(report.getRange(1, 1, 1, 7).getValues()[0]).toEqual([
      'Status',
      'Probe',
      'Behaviour pinned',
      'Source',
      'Emulator test',
      'What it saw',
      'Check by hand',
    ]);
    expect(wb.toasts.at(-1)?.message).toMatch(/^\d+ pass, 0 fail, \d+ to check by hand\.$/);
  });

  it('the wire dialog opens; its endpoints give on the emulator what the wire probes expect, and its rows land in the report', () => {
    const { wb, app } = probeBook();
    app.call('showWireCheck');
    const shown = app.services.ui.shown();
    expect(shown.map((s) => [s.kind, s.title])).toEqual([['modal', 'Checking google.script.run']]);
    expect(shown[0]!.html).toContain("call('probeWireEcho'");
    // what the page checks, through the emulator's google.script.run
    expect(app.run('probeWireEcho', { a: undefined, list: [1, undefined] })).toMatchObject({
      fieldNull: true,
      itemNull: true,
    });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const bad of [new Date(), { d: new Date() }, { f: () => 1 }, new Map([[1, 2]]), new Set([1]), cycle])
      expect(() => app.run('probeWireEcho', bad)).toThrow();
    expect(app.run('probeWireDate')).toBeNull();
    expect([app.run('probeModuleCount'), app.run('probeModuleCount')]).toEqual([1, 1]);
    app.call('runAllProbes');
    app.run('recordProbes', [
      ['wire_undefined_null', 'pass', 'echo: …'],
      ['run_fresh_context', 'fail', 'two calls: 1, 2'],
    ]);
    const report = wb.sheet(REPORT_SHEET);
    const rows = report.getRange(2, 1, report.getLastRow() - 1, 6).getValues();
    const byId = (id: string) => rows.find((r) => r[1] === id)!;
    expect([
      byId('wire_undefined_null')[0],
      byId('run_fresh_context')[0],
      byId('run_fresh_context')[5],
    ]).toEqual(['PASS', 'FAIL', 'two calls: 1, 2']);
  });

  it('runs in a French spreadsheet too, and gives it back its locale', () => {
    const { wb, app } = probeBook('fr_FR');
    const results = app.call('runAllProbes') as ProbeResult[];
    expect(results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.saw}`)).toEqual([]);
    expect(wb.spreadsheet.getSpreadsheetLocale()).toBe('fr_FR');
  });
});
