import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { functionReference, readmeReference } from '../../scripts/docs';
import { HELP, helpOf } from '../../src/functions/help';
import { registry } from '../../src/functions/registry';

test('the README’s function reference is the registry’s (run `npm run docs` after changing a function)', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  expect(readmeReference(readme)).toBe(functionReference());
});

test('the help (src/functions/help.ts) has each function of the registry and each of its parameters, nothing else', () => {
  expect(Object.keys(HELP).sort()).toEqual(registry.map((f) => f.name).sort());
  for (const f of registry) {
    expect(Object.keys(HELP[f.name]!.params), f.name).toEqual(f.params.map((p) => p.name));
    for (const p of helpOf(f).paramList) expect(p.en && p.fr && p.type, `${f.name} ${p.name}`).toBeTruthy();
  }
});
