import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PAGES } from '../../scripts/pages';
import { registry } from '../../src/functions/registry';
import { bundleCode, root } from '../support/bundle';

/** The comment block and declaration of a top-level function in the pushed file. */
function declaration(code: string, name: string) {
  const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
  return m
    ? {
        doc: m[1]!,
        params: m[2]!
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      }
    : undefined;
}

describe('the bundle contract (what Apps Script needs)', () => {
  const code = bundleCode();

  test('one plain script: no import or export, no top-level await', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/^await\s/m);
    expect(code).not.toMatch(/require\(["']/);
  });

  test('no `new Function` or eval: Apps Script may refuse them (zod is jitless)', () => {
    expect(code).not.toMatch(/new Function\(/);
    expect(code).not.toMatch(/\beval\(/);
  });

  for (const spec of registry) {
    test(`${spec.name}: top-level declaration with @customfunction, its parameters and their help`, () => {
      const d = declaration(code, spec.name);
      expect(d, `function ${spec.name} with a JSDoc block`).toBeDefined();
      expect(d!.params).toEqual(spec.params.map((p) => p.name));
      expect(d!.doc).toContain('@customfunction');
      expect(d!.doc).toContain(spec.summary.en);
      for (const p of spec.params) expect(d!.doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${p.name} \\S`));
      expect(d!.doc).toMatch(/@return \{[^}]+\} \S/);
    });
  }

  test('onOpen and onInstall are top-level functions', () => {
    expect(code).toMatch(/^function onOpen\(e\) \{/m);
    expect(code).toMatch(/^function onInstall\(e\) \{/m);
  });

  test('the manifest: V8, the narrowest scopes', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'dist', 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  test('`clasp status --json` lists exactly the files meant to be pushed', () => {
    const out = execFileSync('npx', ['clasp', 'status', '--json'], { cwd: root, encoding: 'utf8' });
    const status = JSON.parse(out.slice(out.indexOf('{'))) as { filesToPush: string[] };
    expect([...status.filesToPush].sort()).toEqual(
      ['dist/Code.js', 'dist/appsscript.json', ...PAGES.map((p) => `dist/${p.name}.html`)].sort(),
    );
  });
});
