import { createWorkbook } from '../../emulator/index';
import { bundleCode } from '../support/bundle';

/** A new spreadsheet with the add-on's bundle (dist/Code.js) loaded, as a user who opened it. */
export function addon(locale = 'en_US', timeZone = 'Europe/Paris') {
  bundleCode();
  const wb = createWorkbook({ locale, timeZone });
  const app = wb.loadBundle();
  app.call('onOpen', { authMode: 'LIMITED' });
  return { wb, app };
}

export const ALL_LEVELS = ['company', 'department', 'team', 'individual'];

/** n objectives of k key results each, as the insert endpoint takes them. */
export function objectives(n: number, k = 4) {
  return Array.from({ length: n }, (_, i) => ({
    id: `O${i + 1}`,
    title: `Objective ${i + 1}`,
    level: i === 0 ? 'company' : 'team',
    owner: `Team ${i % 7}`,
    parent: i === 0 ? '' : 'O1',
    committed: i % 5 === 0,
    krs: Array.from({ length: k }, (_, j) => ({
      id: `O${i + 1}.${j + 1}`,
      title: `Key result ${j + 1}`,
      type: 'increase',
      unit: '',
      start: 0,
      target: 10,
      current: (i + j) % 11,
      weight: 1,
      confidence: 0.5,
    })),
  }));
}
