/**
 * Embedded charts: Sheet.newChart → EmbeddedChartBuilder → insertChart, read back by getCharts
 * (type, ranges, position, options), modified and removed; counted like other service calls;
 * saved with the workbook; moved with rows and gone with their sheet; the `Charts` global in the
 * script's context; and the data table and shapes the playground draws from the current values.
 */
import { describe, expect, it } from 'vitest';
import { chartShapes, chartTable } from '../../emulator/chart-drawing';
import { createWorkbook } from '../../emulator/index';
import { scriptFile, tmpFile } from './support';

const Charts = { ChartType: { LINE: 'LINE', COLUMN: 'COLUMN', BAR: 'BAR' } } as unknown as {
  ChartType: typeof GoogleAppsScript.Charts.ChartType;
};

function book() {
  const wb = createWorkbook();
  const sheet = wb.spreadsheet.getSheets()[0]!;
  sheet.getRange('A1:C4').setValues([
    ['Week', 'Score', 'Expected'],
    ['W1', 0.2, 0.1],
    ['W2', 0.35, 0.3],
    ['W3', 0.5, 0.5],
  ]);
  return { wb, sheet };
}

function lineChart(sheet: ReturnType<typeof book>['sheet']) {
  return sheet
    .newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(sheet.getRange('A1:C4'))
    .setPosition(6, 2, 10, 5)
    .setOption('title', 'Overall score')
    .setOption('colors', ['#1a73e8', '#9aa0a6'])
    .setOption('legend', { position: 'bottom' })
    .setOption('vAxis.minValue', 0)
    .setOption('vAxis.maxValue', 1)
    .setNumHeaders(1)
    .build();
}

describe('embedded charts', () => {
  it('builds, inserts and reads back a chart: type, ranges, position, options, id', () => {
    const { sheet } = book();
    sheet.insertChart(lineChart(sheet));
    const [chart, ...more] = sheet.getCharts();
    expect(more).toHaveLength(0);
    expect(chart!.getChartId()).toBe(1);
    expect(chart!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C4']);
    expect(chart!.modify().getChartType()).toBe('LINE');
    const where = chart!.getContainerInfo();
    expect([where.getAnchorRow(), where.getAnchorColumn(), where.getOffsetX(), where.getOffsetY()]).toEqual([
      6, 2, 10, 5,
    ]);
    const o = chart!.getOptions();
    expect(o.get('title')).toBe('Overall score');
    expect(o.get('colors')).toEqual(['#1a73e8', '#9aa0a6']);
    expect(o.get('legend')).toEqual({ position: 'bottom' });
    expect(o.get('legend.position')).toBe('bottom');
    expect(o.get('vAxis')).toEqual({ minValue: 0, maxValue: 1 });
    expect(o.get('hAxis.title')).toBeNull();
    expect(chart!.getNumHeaders()).toBe(1);
  });

  it('a built chart is a snapshot: changing the builder or the options read back changes nothing stored', () => {
    const { sheet } = book();
    const builder = sheet.newChart().addRange(sheet.getRange('A1:B4'));
    const built = builder.build();
    builder.setOption('title', 'later');
    sheet.insertChart(built);
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBeNull();
    expect(sheet.getCharts()[0]!.modify().getChartType()).toBe('LINE'); // newChart's default type
  });

  it('modify → updateChart changes a chart in place; removeChart removes it', () => {
    const { sheet } = book();
    sheet.insertChart(lineChart(sheet));
    sheet.insertChart(
      sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B4')).build(),
    );
    const [line, column] = sheet.getCharts();
    sheet.updateChart(
      line!.modify().setChartType(Charts.ChartType.BAR).setOption('title', 'Now bars').build(),
    );
    expect(
      sheet.getCharts().map((c) => [c.getChartId(), c.modify().getChartType(), c.getOptions().get('title')]),
    ).toEqual([
      [1, 'BAR', 'Now bars'],
      [2, 'COLUMN', null],
    ]);
    sheet.removeChart(column!);
    expect(sheet.getCharts().map((c) => c.getChartId())).toEqual([1]);
    expect(() => sheet.updateChart(column!)).toThrow('The chart does not exist on this sheet.');
  });

  it('counts its calls like other service calls; inserting, updating and removing are writes', () => {
    const { wb, sheet } = book();
    wb.counter.reset();
    const chart = lineChart(sheet);
    sheet.insertChart(chart);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(wb.counter.get('Sheet.newChart')).toBe(1);
    expect(wb.counter.get('EmbeddedChartBuilder.setOption')).toBe(5);
    expect(wb.counter.get('EmbeddedChartBuilder.build')).toBe(1);
    expect(wb.counter.get('Sheet.insertChart')).toBe(1);
    expect(wb.counter.get('Sheet.getCharts')).toBe(1);
    expect(wb.writeCount).toBe(2);
    wb.failAfterWrites(0);
    expect(() => sheet.insertChart(chart)).toThrow('Service invoked too many times');
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it('saves with the workbook and opens again the same', () => {
    const { wb, sheet } = book();
    sheet.insertChart(lineChart(sheet));
    const file = wb.save(tmpFile('charts.json'));
    const again = createWorkbook({ file }).spreadsheet.getSheets()[0]!;
    const [c] = again.getCharts();
    expect(c!.getRanges()[0]!.getA1Notation()).toBe('A1:C4');
    expect(c!.getOptions().get('vAxis.maxValue')).toBe(1);
    expect(c!.getContainerInfo().getAnchorRow()).toBe(6);
    // ids go on from where they were
    again.insertChart(again.newChart().addRange(again.getRange('A1:B2')).build());
    expect(again.getCharts().map((x) => x.getChartId())).toEqual([1, 2]);
  });

  it('moves its ranges and anchor with inserted and deleted rows; goes with its sheet', () => {
    const { wb, sheet } = book();
    const other = wb.spreadsheet.insertSheet('Dashboard');
    sheet.insertChart(lineChart(sheet));
    other.insertChart(other.newChart().addRange(sheet.getRange('A1:B4')).setPosition(2, 2, 0, 0).build());
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getCharts()[0]!.getRanges()[0]!.getA1Notation()).toBe('A3:C6');
    expect(sheet.getCharts()[0]!.getContainerInfo().getAnchorRow()).toBe(8);
    expect(other.getCharts()[0]!.getRanges()[0]!.getA1Notation()).toBe('A3:B6');
    expect(other.getCharts()[0]!.getContainerInfo().getAnchorRow()).toBe(2); // another sheet's rows
    sheet.deleteRow(4); // a data row
    expect(other.getCharts()[0]!.getRanges()[0]!.getA1Notation()).toBe('A3:B5');
    wb.spreadsheet.deleteSheet(sheet);
    expect(other.getCharts()[0]!.getRanges()).toEqual([]);
    wb.spreadsheet.insertSheet('Spare');
    wb.spreadsheet.deleteSheet(other); // its own charts go with it
    expect(wb.spreadsheet.getSheets().flatMap((s) => s.getCharts())).toEqual([]);
  });

  it('the script sees Charts.ChartType, as in Apps Script', () => {
    const { wb } = book();
    const app = wb.loadBundle({
      path: scriptFile(`
        function makeChart() {
          var s = SpreadsheetApp.getActiveSheet();
          s.insertChart(s.newChart().setChartType(Charts.ChartType.COLUMN)
            .addRange(s.getRange('A1:B4')).setPosition(6, 1, 0, 0).setOption('title', 'Scores').build());
          return [String(Charts.ChartType.LINE), s.getCharts().length];
        }`),
    });
    expect(app.call('makeChart')).toEqual(['LINE', 1]);
    const view = wb.view();
    expect(view.charts).toHaveLength(1);
    expect(view.charts[0]).toMatchObject({
      type: 'COLUMN',
      anchor: { row: 6, col: 1 },
      labels: ['W1', 'W2', 'W3'],
    });
    expect(view.charts[0]!.series).toEqual([{ name: 'Score', values: [0.2, 0.35, 0.5] }]);
  });
});

describe('what the playground draws from a chart', () => {
  it('reads its ranges now: the first column is the domain, headers name the series', () => {
    const { wb, sheet } = book();
    sheet.insertChart(lineChart(sheet));
    sheet.getRange('B4').setValue(0.9);
    const [chart] = wb.view().charts;
    expect(chart!.labels).toEqual(['W1', 'W2', 'W3']);
    expect(chart!.series).toEqual([
      { name: 'Score', values: [0.2, 0.35, 0.9] },
      { name: 'Expected', values: [0.1, 0.3, 0.5] },
    ]);
    expect([chart!.width, chart!.height]).toEqual([600, 371]);
  });

  it('joins ranges side by side, and guesses headers from text in a series column', () => {
    const t = chartTable(
      [
        { values: [['Q'], ['A'], ['B']], displays: [['Q'], ['A'], ['B']] },
        { values: [['n'], [1], ['x']], displays: [['n'], ['1'], ['x']] },
      ],
      -1,
      false,
    );
    expect(t).toEqual({ labels: ['A', 'B'], series: [{ name: 'n', values: [1, null] }] });
  });

  it('a line chart has one polyline point per row, its title, legend and axis labels', () => {
    const { wb, sheet } = book();
    sheet.insertChart(lineChart(sheet));
    const shapes = chartShapes(wb.view().charts[0]!);
    const lines = shapes.filter((s) => s.kind === 'polyline' && s.role?.startsWith('series-'));
    expect(lines.map((l) => (l as { points: unknown[] }).points.length)).toEqual([3, 3]);
    expect(lines.map((l) => (l as { stroke: string }).stroke)).toEqual(['#1a73e8', '#9aa0a6']);
    const texts = (role: string) =>
      shapes.filter((s) => s.kind === 'text' && s.role === role).map((s) => (s as { text: string }).text);
    expect(texts('title')).toEqual(['Overall score']);
    expect(texts('legend')).toEqual(['Score', 'Expected']);
    expect(texts('domain-label')).toEqual(['W1', 'W2', 'W3']);
    // vAxis 0..1 as asked
    expect(texts('axis-label')[0]).toBe('0');
    expect(texts('axis-label').at(-1)).toBe('1');
  });

  it('a column chart has a column per row and series, the taller for the larger value', () => {
    const { wb, sheet } = book();
    sheet.insertChart(
      sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B4')).build(),
    );
    const rects = chartShapes(wb.view().charts[0]!).filter((s) => s.role === 'series-0') as {
      height: number;
    }[];
    expect(rects).toHaveLength(3);
    expect(rects[2]!.height / rects[0]!.height).toBeCloseTo(0.5 / 0.2);
  });

  it('isStacked: a row’s bars end to end in one band, the axis reaching their sum', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:D3').setValues([
      ['Objective', 'green', 'yellow', 'red'],
      ['O1', '', 0.5, ''],
      ['O2', 0.3, 0.4, ''],
    ]);
    const bars = (stacked: boolean) => {
      sheet.getCharts().forEach((c) => {
        sheet.removeChart(c);
      });
      sheet.insertChart(
        sheet
          .newChart()
          .setChartType(Charts.ChartType.BAR)
          .addRange(sheet.getRange('A1:D3'))
          .setOption('isStacked', stacked)
          .build(),
      );
      const shapes = chartShapes(wb.view().charts[0]!);
      const rects = shapes.filter((s) => s.kind === 'rect' && s.role?.startsWith('series-')) as {
        x: number;
        y: number;
        width: number;
        height: number;
        role: string;
      }[];
      const ticks = shapes.filter((s) => s.role === 'axis-label').map((s) => (s as { text: string }).text);
      return { rects, ticks };
    };
    const side = bars(false);
    const stacked = bars(true);
    // O1: one bar; O2: green then yellow, starting where green ends, on the same line
    expect(stacked.rects.map((r) => r.role)).toEqual(['series-1', 'series-0', 'series-1']);
    const [, green, yellow] = stacked.rects;
    expect(yellow!.y).toBe(green!.y);
    expect(yellow!.x).toBeCloseTo(green!.x + green!.width);
    expect(yellow!.width / green!.width).toBeCloseTo(0.4 / 0.3);
    // each as thick as the band allows, where side by side they share it
    expect(stacked.rects[0]!.height).toBeCloseTo(3 * side.rects[0]!.height);
    expect(Number(stacked.ticks.at(-1))).toBeGreaterThanOrEqual(0.7);
    expect(Number(side.ticks.at(-1))).toBeLessThan(0.7);
  });

  it('a series’ lineDashStyle dashes its line; pointSize marks each value, a lone one too', () => {
    const { wb, sheet } = book();
    sheet.getRange('B2:B3').setValue('');
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:C4'))
        .setOption('pointSize', 4)
        .setOption('series', { 1: { lineDashStyle: [6, 4], pointSize: 0 } })
        .build(),
    );
    const shapes = chartShapes(wb.view().charts[0]!);
    const lines = shapes.filter((s) => s.kind === 'polyline' && s.role?.startsWith('series-')) as {
      dash?: number[];
      role: string;
    }[];
    expect(lines.map((l) => [l.role, l.dash])).toEqual([
      ['series-0', undefined],
      ['series-1', [6, 4]],
    ]);
    // Score has one value (W3): no line to draw, but its point shows; Expected has no marker
    const points = shapes.filter((s) => s.role?.startsWith('point-'));
    expect(points.map((p) => [p.role, (p as { width: number }).width])).toEqual([['point-0', 4]]);
  });
});

describe('a chart in a French spreadsheet', () => {
  it('writes its axis numbers the French way: decimal comma, a no-break space before %', () => {
    const wb = createWorkbook({ locale: 'fr_FR' });
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:B3').setValues([
      ['Semaine', 'Score'],
      ['S1', 0.25],
      ['S2', 0.5],
    ]);
    const build = (format: string) =>
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:B3'))
        .setOption('vAxis.format', format)
        .setOption('vAxis.maxValue', 0.5)
        .build();
    sheet.insertChart(build('percent'));
    sheet.insertChart(build('#,##0.0'));
    const labels = (i: number) =>
      chartShapes(wb.view().charts[i]!)
        .filter((s) => s.role === 'axis-label')
        .map((s) => (s as { text: string }).text);
    expect(labels(0)).toContain('50\u00a0%');
    expect(labels(1)).toContain('0,1');
  });
});
