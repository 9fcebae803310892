/** Range.setHorizontalAlignments: one alignment per cell in one call, null or 'normal' the default. */
import { expect, test } from 'vitest';
import { createWorkbook } from '../../emulator/index';

test('setHorizontalAlignments sets each cell, null resets it, a wrong shape throws', () => {
  const wb = createWorkbook({ locale: 'en_US', timeZone: 'Europe/Paris' });
  const sheet = wb.spreadsheet.insertSheet('A');
  const r = sheet.getRange(1, 1, 1, 3);
  r.setHorizontalAlignments([['left', 'right', 'center']]);
  const shown = () => [1, 2, 3].map((c) => sheet.getRange(1, c).getHorizontalAlignment());
  expect(shown()).toEqual(['left', 'right', 'center']);
  r.setHorizontalAlignments([[null, 'normal', 'left']]);
  expect(shown()).toEqual(['general', 'general', 'left']);
  expect(() => r.setHorizontalAlignments([['left']])).toThrow();
  expect(wb.counter.get('Range.setHorizontalAlignments')).toBe(3);
});
