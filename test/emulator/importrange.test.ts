/**
 * IMPORTRANGE between local workbooks (emulator/import-range.ts, registry.ts): #REF! with Sheets'
 * note until access is allowed, then the source's current values spilled, following its changes
 * (size too), through a chain; unknown ids and bad ranges named; the access saved with the workbook.
 */
import { describe, expect, test } from 'vitest';
import { CONNECT_MESSAGE, createWorkbook, NO_ACCESS_MESSAGE, WorkbookRegistry } from '../../emulator';
import { tmpFile } from './support';

function pair() {
  const registry = new WorkbookRegistry();
  const team = createWorkbook({ registry, name: 'Team' });
  const company = createWorkbook({ registry, name: 'Company' });
  const sheet = team.spreadsheet.getSheets()[0]!;
  sheet.setName('Q2 2026');
  sheet.getRange('A1:C3').setValues([
    ['Objective ID', 'Owner', 'Score'],
    ['O1', 'Ana', 0.5],
    ['O2', 'Ben', 0.7],
  ]);
  return { registry, team, company, sheet, out: company.spreadsheet.getSheets()[0]! };
}

describe('IMPORTRANGE', () => {
  test('is #REF! with "You need to connect these sheets" until allowed, then spills the values', () => {
    const { team, company, out } = pair();
    out.getRange('A1').setFormula(`=IMPORTRANGE("${team.spreadsheet.getUrl()}", "Q2 2026!A1:C")`);
    expect(out.getRange('A1').getValue()).toBe('#REF!');
    expect(company.errorMessage('Sheet1!A1')).toBe(CONNECT_MESSAGE);
    expect(company.errorMessage('Sheet1!A1')).toBe('You need to connect these sheets. Allow access.');
    // a cell that asks for nothing allows nothing
    expect(company.allowAccess('Sheet1!B5')).toBeUndefined();
    expect(company.allowAccess('Sheet1!A1')).toBe(team.id);
    expect(out.getRange('A1:C3').getValues()).toEqual([
      ['Objective ID', 'Owner', 'Score'],
      ['O1', 'Ana', 0.5],
      ['O2', 'Ben', 0.7],
    ]);
    expect(out.getLastRow()).toBe(3);
  });

  test('follows the source: a changed value, then more rows, then fewer', () => {
    const { team, company, sheet, out } = pair();
    company.allowImports(team.url);
    out.getRange('E1').setFormula(`=IMPORTRANGE("${team.id}", "'Q2 2026'!A2:C")`);
    expect(out.getRange('E1:G2').getValues()[1]).toEqual(['O2', 'Ben', 0.7]);
    sheet.getRange('C3').setValue(0.9);
    expect(out.getRange('G2').getValue()).toBe(0.9);
    sheet.getRange('A4:C5').setValues([
      ['O3', 'Cy', 0.1],
      ['O4', 'Di', 1],
    ]);
    expect(out.getRange('E1:G4').getValues()).toEqual([
      ['O1', 'Ana', 0.5],
      ['O2', 'Ben', 0.9],
      ['O3', 'Cy', 0.1],
      ['O4', 'Di', 1],
    ]);
    sheet.getRange('A4:C5').clearContent();
    expect(out.getLastRow()).toBe(2);
    // a formula over the import recomputes with it
    out.getRange('A10').setFormula('=SUM(G1:G10)');
    sheet.getRange('C2').setValue(0);
    expect(out.getRange('A10').getValue()).toBeCloseTo(0.9);
  });

  test('takes the URL and the range from cells; no sheet named is the first sheet', () => {
    const { team, company, out } = pair();
    company.allowImports(team.id);
    out.getRange('A1:B1').setValues([[team.url, 'B2:C2']]);
    out.getRange('A3').setFormula('=IMPORTRANGE(A1, B1)');
    expect(out.getRange('A3:B3').getValues()).toEqual([['Ana', 0.5]]);
    out.getRange('B1').setValue('B3');
    expect(out.getRange('A3:B3').getValues()).toEqual([['Ben', '']]);
  });

  test('an unknown spreadsheet and a range that is not there are #REF!, named', () => {
    const { team, company, out } = pair();
    company.allowImports(team.id);
    out
      .getRange('A1')
      .setFormula(
        '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/1nosuchspreadsheet0000000000/edit", "A1:B2")',
      );
    out.getRange('A2').setFormula('=IMPORTRANGE("not a url", "A1:B2")');
    out.getRange('A3').setFormula(`=IMPORTRANGE("${team.id}", "Q9 2026!A1:B2")`);
    out.getRange('A4').setFormula(`=IMPORTRANGE("${team.id}", "Q2 2026!nonsense")`);
    expect(out.getRange('A1:A4').getValues().flat()).toEqual(['#REF!', '#REF!', '#REF!', '#REF!']);
    expect(company.errorMessage('Sheet1!A1')).toBe(NO_ACCESS_MESSAGE);
    expect(company.errorMessage('Sheet1!A2')).toBe(NO_ACCESS_MESSAGE);
    expect(company.errorMessage('Sheet1!A3')).toBe('Unable to parse range: Q9 2026!A1:B2');
    expect(company.errorMessage('Sheet1!A4')).toBe('Unable to parse range: Q2 2026!nonsense');
  });

  test('a workbook that joins later is found; one that leaves is #REF! again', () => {
    const registry = new WorkbookRegistry();
    const company = createWorkbook({ registry });
    const id = 'late-team-spreadsheet-0001';
    company.allowImports(id);
    const out = company.spreadsheet.getSheets()[0]!;
    out.getRange('A1').setFormula(`=IMPORTRANGE("${id}", "A1:A2")`);
    expect(company.errorMessage('Sheet1!A1')).toBe(NO_ACCESS_MESSAGE);
    const saved = createWorkbook({ name: 'Late' }).toJSON();
    const late = createWorkbook({ registry, saved: { ...saved, id } });
    late.spreadsheet
      .getSheets()[0]!
      .getRange('A1:A2')
      .setValues([['x'], ['y']]);
    expect(out.getRange('A1:A2').getValues()).toEqual([['x'], ['y']]);
    late.close();
    expect(out.getRange('A1').getValue()).toBe('#REF!');
  });

  test('a chain (A → B → C) follows A', () => {
    const registry = new WorkbookRegistry();
    const [a, b, c] = ['A', 'B', 'C'].map((name) => createWorkbook({ registry, name })) as [
      ReturnType<typeof createWorkbook>,
      ReturnType<typeof createWorkbook>,
      ReturnType<typeof createWorkbook>,
    ];
    b.allowImports(a.id);
    c.allowImports(b.id);
    a.spreadsheet.getSheets()[0]!.getRange('A1').setValue(1);
    b.spreadsheet.getSheets()[0]!.getRange('A1').setFormula(`=IMPORTRANGE("${a.id}", "A1")*10`);
    c.spreadsheet.getSheets()[0]!.getRange('A1').setFormula(`=IMPORTRANGE("${b.id}", "A1")+1`);
    expect(c.spreadsheet.getSheets()[0]!.getRange('A1').getValue()).toBe(11);
    a.spreadsheet.getSheets()[0]!.getRange('A1').setValue(2);
    expect(c.spreadsheet.getSheets()[0]!.getRange('A1').getValue()).toBe(21);
  });

  test('the access given is saved with the importing workbook', () => {
    const { registry, team, company, out } = pair();
    out.getRange('A1').setFormula(`=IMPORTRANGE("${team.url}", "Q2 2026!A2:A")`);
    company.allowAccess('Sheet1!A1');
    const file = tmpFile('company.json');
    company.save(file);
    company.close();
    const again = createWorkbook({ file, registry });
    expect(again.spreadsheet.getSheets()[0]!.getRange('A1:A2').getValues()).toEqual([['O1'], ['O2']]);
    // and getId/getUrl are what IMPORTRANGE takes
    expect(again.spreadsheet.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${again.id}/edit`);
  });
});
