/**
 * The company rollup end to end on the emulator, through the bundle: three team spreadsheets (their
 * quarters inserted with the add-on, one in French, one team's parents pointing at a company
 * objective, one at a team that is not there) and a company spreadsheet that adds them from its
 * dialog's endpoint. Until access is allowed the imports are #REF! with Sheets' note; once allowed,
 * the stack holds every team's objectives with prefixed ids (two teams' O1 apart), each score equal
 * to the team's own; a check-in in a team moves the rollup; the broken cross-team link is named;
 * a team whose columns sit elsewhere is read by its headers.
 */
import { describe, expect, test } from 'vitest';
import { CONNECT_MESSAGE, createWorkbook, type Workbook, WorkbookRegistry } from '../../emulator';
import { bundleCode } from '../support/bundle';

function addonIn(registry: WorkbookRegistry, locale: string, name: string) {
  bundleCode();
  const wb = createWorkbook({ registry, locale, name });
  const app = wb.loadBundle();
  app.call('onOpen', { authMode: 'LIMITED' });
  return { wb, app };
}

type Obj = { id: string; level: string; owner: string; parent: string; krs: [number, number][] };

function insert(app: ReturnType<Workbook['loadBundle']>, objs: Obj[]): string {
  const { quarters } = app.run('getInsertOptions') as { quarters: string[] };
  const r = app.run('insertQuarter', {
    quarter: quarters[0],
    fiscalStart: 1,
    levels: ['company', 'department', 'team', 'individual'],
    content: 'given',
    objectives: objs.map((o) => ({
      id: o.id,
      title: `Objective ${o.id}`,
      level: o.level,
      owner: o.owner,
      parent: o.parent,
      committed: false,
      krs: o.krs.map(([current, target], j) => ({
        id: `${o.id}.${j + 1}`,
        title: `KR ${j + 1}`,
        type: 'increase',
        unit: '',
        start: 0,
        target,
        current,
        weight: 1,
        confidence: 0.5,
      })),
    })),
  }) as { sheet: string };
  return r.sheet;
}

/** The team's own objective rows: id → [parent, level, owner, score], read by the quarter sheet's headers. */
function teamScores(wb: Workbook, sheet: string): Map<string, [string, string, string, number]> {
  const values = wb.sheet(sheet).getDataRange().getValues();
  const header = values[1]!.map(String);
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const [id, parent, level, owner, score] = [
    col('Objective ID', 'ID objectif'),
    col('Parent objective', 'Objectif parent'),
    col('Level', 'Niveau'),
    col('Owner', 'Responsable'),
    // the objective's own score (its KRs'): the company rolls the stack up itself
    col('KRs’ score', 'Score des RC'),
  ];
  const out = new Map<string, [string, string, string, number]>();
  for (const row of values.slice(2)) {
    if (row[id] === '') continue;
    out.set(String(row[id]), [
      String(row[parent]),
      String(row[level]),
      String(row[owner]),
      row[score] as number,
    ]);
  }
  return out;
}

function stack(wb: Workbook) {
  const sheet = wb.sheet('Company');
  const rows = sheet
    .getRange('G3:N60')
    .getValues()
    .filter((r) => r[0] !== '');
  return rows.map((r) => ({
    team: String(r[0]),
    id: String(r[1]),
    parent: String(r[2]),
    level: String(r[3]),
    owner: String(r[4]),
    score: r[5] as number | '',
    rollup: r[6] as number | '',
    link: String(r[7]),
  }));
}

describe('the company rollup, end to end', { timeout: 120_000 }, () => {
  const registry = new WorkbookRegistry();
  const co = addonIn(registry, 'en_US', 'Company OKRs');
  const sales = addonIn(registry, 'en_US', 'Sales');
  const ventes = addonIn(registry, 'fr_FR', 'Ventes France');
  const company = addonIn(registry, 'en_US', 'Company rollup');

  const coSheet = insert(co.app, [
    { id: 'O1', level: 'company', owner: 'CEO', parent: '', krs: [[5, 10]] },
    {
      id: 'O2',
      level: 'company',
      owner: 'CFO',
      parent: '',
      krs: [
        [2, 10],
        [8, 10],
      ],
    },
  ]);
  const salesSheet = insert(sales.app, [
    {
      id: 'O1',
      level: 'team',
      owner: 'Ana',
      parent: 'Company·O1',
      krs: [
        [3, 10],
        [6, 10],
      ],
    },
    { id: 'O2', level: 'individual', owner: 'Ben', parent: 'O1', krs: [[9, 10]] },
  ]);
  const ventesSheet = insert(ventes.app, [
    { id: 'O1', level: 'team', owner: 'Chloé', parent: 'Company·O2', krs: [[4, 10]] },
    // a parent in a team the company does not list: a broken cross-team link
    { id: 'O2', level: 'team', owner: 'Dan', parent: 'Marketing·O9', krs: [[1, 10]] },
  ]);

  test('adds three teams from the dialog’s endpoint: a Company sheet, imports waiting for access', () => {
    const state = company.app.run('getCompanyState') as { quarter: string; teams: unknown[] };
    expect(state.teams).toEqual([]);
    expect(state.quarter).toBe(coSheet);
    company.app.run('addCompanyTeam', { name: 'Company', url: co.wb.spreadsheet.getUrl() });
    company.app.run('addCompanyTeam', { name: 'Sales', url: sales.wb.url });
    const r = company.app.run('addCompanyTeam', {
      name: 'Ventes',
      url: ventes.wb.spreadsheet.getId(),
      quarter: ventesSheet,
    }) as { teams: { name: string; prefix: string; quarter: string }[] };
    expect(r.teams.map((t) => [t.name, t.prefix, t.quarter])).toEqual([
      ['Company', 'Company', coSheet],
      ['Sales', 'Sales', salesSheet],
      ['Ventes', 'Ventes', ventesSheet],
    ]);
    // the same name twice, a URL that is no spreadsheet, this spreadsheet: refused
    expect(() => company.app.run('addCompanyTeam', { name: 'sales', url: sales.wb.url })).toThrow(/already/);
    expect(() => company.app.run('addCompanyTeam', { name: 'X', url: 'hello' })).toThrow(/URL/);
    expect(() => company.app.run('addCompanyTeam', { name: 'X', url: company.wb.url })).toThrow(
      /this spreadsheet/,
    );
    // one IMPORTRANGE per team, #REF! with Sheets' note until allowed
    for (const a1 of ['A2', 'AE2', 'BI2']) {
      expect(company.wb.sheet('Company imports').getRange(a1).getFormula()).toMatch(/^=IMPORTRANGE\(/);
      expect(company.wb.errorMessage(`'Company imports'!${a1}`)).toBe(CONNECT_MESSAGE);
    }
    expect(company.wb.sheet('Company').getRange('E3').getValue()).toBe(
      "Not imported: click Company imports!A2 (Allow access), or check the team's URL and quarter sheet name",
    );
  });

  test('once access is allowed, every team’s objectives are stacked, ids prefixed, scores the team’s own', () => {
    for (const a1 of ['A2', 'AE2', 'BI2'])
      expect(company.wb.allowAccess(`'Company imports'!${a1}`)).toBeDefined();
    const rows = stack(company.wb);
    expect(rows.map((r) => r.id)).toEqual([
      'Company·O1',
      'Company·O2',
      'Sales·O1',
      'Sales·O2',
      'Ventes·O1',
      'Ventes·O2',
    ]);
    // two teams' O1 do not clash
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const teams: [string, Workbook, string][] = [
      ['Company', co.wb, coSheet],
      ['Sales', sales.wb, salesSheet],
      ['Ventes', ventes.wb, ventesSheet],
    ];
    for (const [team, wb, sheet] of teams) {
      for (const [id, [parent, level, owner, score]] of teamScores(wb, sheet)) {
        const row = rows.find((r) => r.id === `${team}·${id}`)!;
        expect(row.team).toBe(team);
        expect(row.score).toBeCloseTo(score, 12);
        expect(row.level).toBe(level);
        expect(row.owner).toBe(owner);
        expect(row.parent).toBe(parent === '' ? '' : parent.includes('·') ? parent : `${team}·${parent}`);
      }
    }
    expect(company.wb.sheet('Company').getRange('E3:E5').getValues().flat()).toEqual([
      '2 objectives',
      '2 objectives',
      '2 objectives',
    ]);
  });

  test('the rollup and the links run over the whole company, broken cross-team links named', () => {
    const rows = stack(company.wb);
    const by = new Map(rows.map((r) => [r.id, r]));
    expect(by.get('Sales·O1')!.link).toBe('aligned');
    expect(by.get('Company·O1')!.link).toBe('top');
    expect(by.get('Ventes·O2')!.link).toBe('broken: Marketing·O9');
    expect(company.wb.sheet('Company').getRange('J1').getValue()).toBe(1);
    // Company·O1 rolls up its own score with Sales·O1's (itself rolled up with Sales·O2)
    const s = (id: string) => by.get(id)!.score as number;
    const salesO1 = (s('Sales·O1') + s('Sales·O2')) / 2;
    expect(by.get('Sales·O1')!.rollup).toBeCloseTo(salesO1, 12);
    // a team with no child elsewhere: the company's rollup is the team's own rolled-up score
    const salesSheetValues = sales.wb.sheet(salesSheet).getDataRange().getValues();
    const rolled = salesSheetValues[1]!.map(String).indexOf('Rolled-up score');
    const o1Row = salesSheetValues.find((r) => r[0] === 'O1')!;
    expect(by.get('Sales·O1')!.rollup).toBeCloseTo(o1Row[rolled] as number, 12);
    expect(by.get('Company·O1')!.rollup).toBeCloseTo((s('Company·O1') + salesO1) / 2, 12);
    // aligned: every objective below the top reaches it but the broken one
    expect(company.wb.sheet('Company').getRange('H1').getValue()).toBeCloseTo(3 / 4, 12);
  });

  test('a check-in in a team changes the rollup, with one call per custom-function column', () => {
    const before = stack(company.wb).find((r) => r.id === 'Sales·O2')!;
    company.wb.counter.reset();
    sales.app.run('checkIn', { entries: [{ krId: 'O2.1', value: 2 }] });
    const after = stack(company.wb);
    const o2 = after.find((r) => r.id === 'Sales·O2')!;
    expect(o2.score).not.toBe(before.score);
    expect(o2.score).toBeCloseTo(teamScores(sales.wb, salesSheet).get('O2')![3], 12);
    const o1 = after.find((r) => r.id === 'Sales·O1')!;
    expect(o1.rollup).toBeCloseTo(((o1.score as number) + (o2.score as number)) / 2, 12);
    // the company's custom functions ran once per column per recompute, never per row
    const calls = company.wb.counter.snapshot();
    const runs = calls['CustomFunction.OKR_ROLLUP'] ?? 0;
    expect(runs).toBeGreaterThan(0);
    expect(calls['CustomFunction.OKR_ALIGNED']).toBe(runs);
    expect(runs).toBeLessThan(after.length);
  });

  test('a team whose columns moved is read by its headers after a refresh', () => {
    // Sales inserts a column of its own before Owner: the letters differ from the template's
    const sheet = sales.wb.sheet(salesSheet);
    const owner = sheet.getRange('2:2').getValues()[0]!.indexOf('Owner') + 1;
    sheet.insertColumnBefore(owner);
    sheet.getRange(2, owner).setValue('Notes');
    sheet.getRange(3, owner).setValue('a note');
    company.app.run('refreshCompany');
    const rows = stack(company.wb).filter((r) => r.team === 'Sales');
    expect(rows.map((r) => r.owner)).toEqual(['Ana', 'Ben']);
    expect(rows.map((r) => r.id)).toEqual(['Sales·O1', 'Sales·O2']);
    expect(rows[0]!.score).toBeCloseTo(teamScores(sales.wb, salesSheet).get('O1')![3], 12);
  });

  test('needs no new scope: the manifest keeps spreadsheets.currentonly and script.container.ui', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(
      readFileSync(new URL('../../dist/appsscript.json', import.meta.url), 'utf8'),
    ) as {
      oauthScopes: string[];
    };
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });
});

describe('teams named as users name them', { timeout: 120_000 }, () => {
  const registry = new WorkbookRegistry();
  const a = addonIn(registry, 'en_US', 'A');
  const b = addonIn(registry, 'en_US', 'B');
  const company = addonIn(registry, 'en_US', 'Company rollup');
  const aSheet = insert(a.app, [{ id: 'O1', level: 'team', owner: 'Ana', parent: '', krs: [[3, 10]] }]);
  const bSheet = insert(b.app, [
    { id: 'O1', level: 'team', owner: 'Bo', parent: '', krs: [[3, 10]] },
    { id: 'O2', level: 'team', owner: 'Bo', parent: 'O1', krs: [[3, 10]] },
  ]);

  test('a name with markup, quotes or a wildcard is counted exactly in the Import status', () => {
    company.app.run('addCompanyTeam', { name: 'Sa·les "x" <b>&', url: a.wb.url, quarter: aSheet });
    company.app.run('addCompanyTeam', { name: 'B*', url: b.wb.url, quarter: bSheet });
    for (const a1 of ['A2', 'AE2']) company.wb.allowAccess(`'Company imports'!${a1}`);
    const sheet = company.wb.sheet('Company');
    expect(sheet.getRange('A3:A4').getValues().flat()).toEqual(['Sa·les "x" <b>&', 'B*']);
    expect(sheet.getRange('E3:E4').getValues().flat()).toEqual(['1 objective', '2 objectives']);
  });
});

describe('a team name that looks like a formula', { timeout: 120_000 }, () => {
  test('"=1+1" and "+33" stay names, as typed; one quarter sheet is not listed twice', () => {
    const registry = new WorkbookRegistry();
    const a = addonIn(registry, 'en_US', 'A');
    const b = addonIn(registry, 'en_US', 'B');
    const company = addonIn(registry, 'en_US', 'Company rollup');
    const aSheet = insert(a.app, [{ id: 'O1', level: 'team', owner: 'Ana', parent: '', krs: [[3, 10]] }]);
    const bSheet = insert(b.app, [{ id: 'O1', level: 'team', owner: 'Bo', parent: '', krs: [[3, 10]] }]);
    company.app.run('addCompanyTeam', { name: '=1+1', url: a.wb.url, quarter: aSheet });
    company.app.run('addCompanyTeam', { name: '+33', url: b.wb.url, quarter: bSheet });
    const sheet = company.wb.sheet('Company');
    expect(sheet.getRange('A3:D4').getFormulas().flat()).toEqual(new Array(8).fill(''));
    expect(sheet.getRange('A3:A4').getValues().flat()).toEqual(['=1+1', '+33']);
    // the prefixes are text as the add-on made them, not the numbers Sheets would read
    expect(sheet.getRange('C3:C4').getValues().flat()).toEqual(['11', '33']);
    const state = company.app.run('getCompanyState') as { teams: { name: string }[] };
    expect(state.teams.map((t) => t.name)).toEqual(['=1+1', '+33']);
    // the same workbook's same quarter sheet under another name: refused, it would count twice
    expect(() =>
      company.app.run('addCompanyTeam', { name: 'A again', url: a.wb.spreadsheet.getId(), quarter: aSheet }),
    ).toThrow(`“=1+1” already imports “${aSheet}” from that spreadsheet: its objectives would count twice.`);
    expect((company.app.run('getCompanyState') as { teams: unknown[] }).teams).toHaveLength(2);
    for (const a1 of ['A2', 'AE2']) company.wb.allowAccess(`'Company imports'!${a1}`);
    expect(sheet.getRange('G3:H4').getValues()).toEqual([
      ['=1+1', '11·O1'],
      ['+33', '33·O1'],
    ]);
  });
});
