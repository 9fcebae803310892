/**
 * SPARKLINE in the emulator: blank to a script, its chart (type, numbers, options) recorded per
 * cell through the engine's plugin, recomputed when its inputs change, and the shapes the
 * playground draws from it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbook, type Workbook } from '../../emulator/index';
import { SPARK_PADDING, sparklineShapes, sparklineSpec } from '../../emulator/sparkline';

const spark = (wb: Workbook, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1]!.charCodeAt(0) - 64;
  return wb.view(undefined, { rows: 30, cols: 10 }).cells[Number(m[2]) - 1]![col - 1]!.sparkline;
};

function book() {
  const wb = createWorkbook();
  const sheet = wb.spreadsheet.getSheets()[0]!;
  return { wb, sheet };
}

describe('SPARKLINE in a cell', () => {
  it('is blank to getValues and getDisplayValues, its formula kept [pinned choice, UNVERIFIED]', () => {
    const { sheet } = book();
    sheet.getRange('A1:C1').setValues([[1, 3, 2]]);
    sheet.getRange('D1').setFormula('=SPARKLINE(A1:C1)');
    expect(sheet.getRange('D1').getValues()).toEqual([['']]);
    expect(sheet.getRange('D1').getDisplayValues()).toEqual([['']]);
    expect(sheet.getRange('D1').getFormula()).toBe('=SPARKLINE(A1:C1)');
  });

  it('records a line chart by default, with its numbers in order', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:C1').setValues([[1, 3, 2]]);
    sheet.getRange('D1').setFormula('=SPARKLINE(A1:C1)');
    expect(spark(wb, 'D1')).toEqual({ type: 'line', values: [1, 3, 2], options: {} });
    expect(spark(wb, 'C1')).toBeUndefined();
  });

  it('reads options from an array literal whose cells are expressions, and recomputes when their inputs change', () => {
    const { wb, sheet } = book();
    sheet.getRange('A5').setValue(0.4);
    sheet
      .getRange('B5')
      .setFormula(
        '=SPARKLINE(MAX(0,MIN(1,N(A5))), {"charttype","bar";"max",1;"color1",IF(A5>=0.7,"#34a853","#ea4335")})',
      );
    expect(spark(wb, 'B5')).toEqual({
      type: 'bar',
      values: [0.4],
      options: { charttype: 'bar', max: 1, color1: '#ea4335' },
    });
    sheet.getRange('A5').setValue(1.7);
    expect(spark(wb, 'B5')).toEqual({
      type: 'bar',
      values: [1],
      options: { charttype: 'bar', max: 1, color1: '#34a853' },
    });
    // the formula reads back as typed, braces included
    expect(sheet.getRange('B5').getFormula()).toContain('{"charttype","bar";"max",1;"color1",IF(');
  });

  it('reads options from a two-column range, and a plain data range recomputes when a cell changes', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:C1').setValues([[5, -2, 4]]);
    sheet.getRange('A3:B4').setValues([
      ['charttype', 'column'],
      ['negcolor', 'red'],
    ]);
    sheet.getRange('D1').setFormula('=SPARKLINE(A1:C1, A3:B4)');
    expect(spark(wb, 'D1')).toEqual({
      type: 'column',
      values: [5, -2, 4],
      options: { charttype: 'column', negcolor: 'red' },
    });
    sheet.getRange('B1').setValue(7);
    expect(spark(wb, 'D1')?.values).toEqual([5, 7, 4]);
    sheet.getRange('B3').setValue('winloss');
    expect(spark(wb, 'D1')?.type).toBe('winloss');
  });

  it('in an ARRAYFORMULA draws one chart, in the formula cell (Sheets does not spread SPARKLINE)', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(SPARKLINE(A1:A3, {"charttype","column"}))');
    expect(spark(wb, 'B1')).toMatchObject({ type: 'column', values: [1, 2, 3] });
    expect(spark(wb, 'B2')).toBeUndefined();
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[''], [''], ['']]);
  });

  it('follows its cell when rows are inserted above or deleted, and goes when its formula is replaced', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
    sheet.getRange('A2').setValue(0.5);
    sheet.getRange('D1').setFormula('=SPARKLINE(A1:C1)');
    sheet.getRange('D2').setFormula('=SPARKLINE(A2, {"charttype","bar";"max",1})');
    sheet.insertRowBefore(1);
    expect(spark(wb, 'D1')).toBeUndefined();
    expect(spark(wb, 'D2')).toMatchObject({ type: 'line', values: [1, 2, 3] });
    expect(spark(wb, 'D3')).toMatchObject({ type: 'bar', values: [0.5] });
    sheet.deleteRow(2);
    expect(spark(wb, 'D2')).toMatchObject({ type: 'bar', values: [0.5] });
    sheet.getRange('D2').setValue('text');
    expect(spark(wb, 'D2')).toBeUndefined();
  });

  it('treats blanks and text by the "empty" and "nan" options (left out by default)', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:D1').setValues([[1, '', 'n/a', 4]]);
    sheet.getRange('E1').setFormula('=SPARKLINE(A1:D1)');
    sheet.getRange('E2').setFormula('=SPARKLINE(A1:D1, {"empty","zero";"nan","convert"})');
    expect(spark(wb, 'E1')?.values).toEqual([1, null, null, 4]);
    expect(spark(wb, 'E2')?.values).toEqual([1, 0, 0, 4]);
  });

  it('is #VALUE! for an unknown chart type, and an error in its data is its value', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1').setFormula('=SPARKLINE({1,2}, {"charttype","pie"})');
    sheet.getRange('A2').setFormula('=SPARKLINE(1/0)');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['#VALUE!'], ['#DIV/0!']]);
    expect(spark(wb, 'A1')).toBeUndefined();
  });

  it('is drawn again from a saved file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-spark-'));
    try {
      const { wb, sheet } = book();
      sheet.getRange('A1:B1').setValues([[3, 1]]);
      sheet.getRange('C1').setFormula('=SPARKLINE(A1:B1, {"charttype","bar";"color1","#34a853"})');
      const file = wb.save(join(dir, 'book.json'));
      const again = createWorkbook({ file });
      expect(spark(again, 'C1')).toEqual(spark(wb, 'C1'));
      expect(spark(again, 'C1')).toMatchObject({ type: 'bar', values: [3, 1] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sparkline shapes (what the playground draws)', () => {
  const W = 100;
  const H = 20;
  const inner = W - 2 * SPARK_PADDING;

  it('bar: one segment value/max of the width in color1', () => {
    const spec = sparklineSpec([[0.4]], { charttype: 'bar', max: 1, color1: '#34a853' })!;
    const shapes = sparklineShapes(spec, W, H);
    expect(shapes).toHaveLength(1);
    expect(shapes[0]).toMatchObject({ kind: 'rect', x: SPARK_PADDING, fill: '#34a853' });
    expect((shapes[0] as { width: number }).width).toBeCloseTo(0.4 * inner);
  });

  it('bar: several values stacked in alternating colours; past max cut at the edge; no max fills the cell', () => {
    const spec = sparklineSpec([[1, 2, 3]], { charttype: 'bar', max: 4 })!;
    const rects = sparklineShapes(spec, W, H) as { x: number; width: number; fill: string }[];
    expect(rects.map((r) => r.width / inner)).toEqual([0.25, 0.5, 0.25].map((n) => expect.closeTo(n)));
    expect(rects[0]!.fill).not.toBe(rects[1]!.fill);
    expect(rects[0]!.fill).toBe(rects[2]!.fill);
    const full = sparklineShapes(sparklineSpec([[2, 2]], { charttype: 'bar' })!, W, H) as { width: number }[];
    expect(full.reduce((n, r) => n + r.width, 0)).toBeCloseTo(inner);
  });

  it('line: one point per value from left to right, the highest at the top; a blank breaks the line', () => {
    const spec = sparklineSpec([[1, 3, 2]], { color: 'red', linewidth: 2 })!;
    const [line] = sparklineShapes(spec, W, H) as {
      points: [number, number][];
      stroke: string;
      width: number;
    }[];
    expect(line!.points).toHaveLength(3);
    expect(line!.points.map((p) => p[0])).toEqual([
      SPARK_PADDING,
      SPARK_PADDING + inner / 2,
      W - SPARK_PADDING,
    ]);
    expect(line!.points[1]![1]).toBe(SPARK_PADDING); // 3 is the top
    expect(line!.points[0]![1]).toBe(H - SPARK_PADDING); // 1 is the bottom
    expect(line).toMatchObject({ stroke: 'red', width: 2 });
    const broken = sparklineShapes(sparklineSpec([[1, null, 2, 3]], {})!, W, H);
    expect(broken.map((s) => (s as { points: unknown[] }).points.length)).toEqual([1, 2]);
  });

  it('column: one column per value, a negative one below the zero line in negcolor', () => {
    const spec = sparklineSpec([[2, -1, 1]], { charttype: 'column', negcolor: 'red', axis: true })!;
    const shapes = sparklineShapes(spec, W, H);
    const rects = shapes.filter((s) => s.kind === 'rect') as { y: number; height: number; fill: string }[];
    expect(rects).toHaveLength(3);
    expect(rects[1]!.fill).toBe('red');
    expect(rects[0]!.height).toBeCloseTo(2 * rects[2]!.height);
    const axis = shapes.find((s) => s.kind === 'line') as { points: [number, number][] };
    expect(rects[1]!.y).toBeCloseTo(axis.points[0]![1]); // the negative one hangs from the zero line
  });
});
