/**
 * The company rollup at scale on the emulator (issue 16): `npx tsx bench/company.ts [teams] [objectives]`
 * (after a build; 50 × 50 by default). One team quarter of n objectives × 4 KRs is inserted by the
 * add-on and copied to every team (each its own workbook and id), a company workbook adds every
 * team through its endpoint with access allowed ahead, then one team's check-in is timed until the
 * company's rollup column reads the new score. Prints JSON: cells imported, times, custom-function
 * executions.
 */
import { createWorkbook, WorkbookRegistry } from '../emulator';
import { insertPayload } from './workload';

export function benchCompany(teams: number, n: number, k = 4) {
  const registry = new WorkbookRegistry();
  const open = (saved?: ReturnType<ReturnType<typeof createWorkbook>['toJSON']>, id?: string) => {
    const wb = saved
      ? createWorkbook({ registry, saved: { ...saved, id: id! } })
      : createWorkbook({ registry });
    const app = wb.loadBundle();
    app.call('onOpen', { authMode: 'LIMITED' });
    return { wb, app };
  };
  const first = open();
  const { sheet } = first.app.run('insertQuarter', insertPayload(n, k)) as { sheet: string };
  const saved = first.wb.toJSON();
  const books = [
    first,
    ...Array.from({ length: teams - 1 }, (_, i) =>
      open(saved, `team-${String(i + 2).padStart(4, '0')}-spreadsheet`),
    ),
  ];
  const company = open();
  const t0 = performance.now();
  const step = (what: string) => process.stderr.write(`${what} ${Math.round(performance.now() - t0)} ms\n`);
  // every team through the endpoint, before access is allowed (each import is #REF! meanwhile)
  books.forEach((b, i) => {
    company.app.run('addCompanyTeam', { name: `Team ${i + 1}`, url: b.wb.url, quarter: sheet });
  });
  const addMs = performance.now() - t0;
  step('added');
  const ta = performance.now();
  company.wb.allowImports(...books.map((b) => b.wb.id));
  company.app.run('refreshCompany');
  const allowMs = performance.now() - ta;
  step('allowed and refreshed');
  const cs = company.wb.sheet('Company');
  const stacked = cs
    .getRange('H3:H')
    .getValues()
    .filter((r) => r[0] !== '').length;
  const imported = company.wb.importStats.cells;
  // one team's check-in, then the company's rolled-up score of that team's first objective
  company.wb.counter.reset();
  company.wb.importStats.cells = 0;
  company.wb.importStats.calls = 0;
  const t1 = performance.now();
  books[teams - 1]!.app.run('checkIn', { entries: [{ krId: 'O1.1', value: 9 }] });
  const rollup = cs.getRange('M3:M').getValues();
  const checkInMs = performance.now() - t1;
  const calls = company.wb.counter.snapshot();
  const custom = Object.fromEntries(Object.entries(calls).filter(([k]) => k.startsWith('CustomFunction.')));
  const t2 = performance.now();
  company.app.run('refreshCompany');
  const refreshMs = performance.now() - t2;
  return {
    teams,
    objectivesPerTeam: n,
    krsPerObjective: k,
    objectivesStacked: stacked,
    rowsPerTeamSheet: n * (k + 1),
    cellsImportedAtAdd: imported,
    cellsImportedPerTeamChange: company.wb.importStats.cells,
    addAllTeamsMs: Math.round(addMs),
    allowAllAndRefreshMs: Math.round(allowMs),
    checkInToRollupMs: Math.round(checkInMs),
    customFunctionCallsAfterCheckIn: custom,
    refreshMs: Math.round(refreshMs),
    rollupRows: rollup.filter((r) => r[0] !== '').length,
    companyCells: cs.getMaxRows() * cs.getMaxColumns(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [teams = 50, n = 50] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(benchCompany(teams, n), null, 2));
}
