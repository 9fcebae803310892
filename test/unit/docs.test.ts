import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { functionReference, readmeReference } from '../../scripts/docs';

test('the README’s function reference is the registry’s (run `npm run docs` after changing a function)', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  expect(readmeReference(readme)).toBe(functionReference());
});
