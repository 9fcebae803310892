import { kpiStatus, kpiTrend, latestValue, readDirection } from '../core/kpi';
import { word } from '../core/words';
import { at, type FunctionSpec, type Out, perCell } from './define';

export const KPI_STATUS: FunctionSpec = {
  name: 'KPI_STATUS',
  summary: {
    en: 'Status of a KPI value against its thresholds: green, yellow or red (green_at < red_at: lower is better).',
    fr: 'État d’une valeur de KPI selon ses seuils : vert, jaune ou rouge (green_at < red_at : plus bas est mieux).',
  },
  returns: {
    en: 'green, yellow or red, or blank when value is blank.',
    fr: 'vert, jaune ou rouge, ou vide si la valeur est vide.',
  },
  returnType: 'string|Array<Array<string>>',
  params: [
    {
      name: 'value',
      type: 'number|Array<Array<number>>',
      help: { en: 'The KPI’s latest value.', fr: 'La dernière valeur du KPI.' },
    },
    {
      name: 'green_at',
      type: 'number|Array<Array<number>>',
      help: { en: 'Value from which it is green.', fr: 'Valeur à partir de laquelle il est vert.' },
    },
    {
      name: 'red_at',
      type: 'number|Array<Array<number>>',
      help: { en: 'Value from which it is red.', fr: 'Valeur à partir de laquelle il est rouge.' },
    },
  ],
  example: '=KPI_STATUS(Q2:Q, F2:F, G2:G)',
  result: 'common',
  run: perCell(([value, green, red], call) => {
    const g = kpiStatus(value, green, red);
    return g === '' ? '' : word(g, call.lang());
  }),
};

export const KPI_TREND: FunctionSpec = {
  name: 'KPI_TREND',
  summary: {
    en: 'Trend of each KPI series (one row per KPI, one column per period, oldest first): improving, worsening or stable.',
    fr: 'Tendance de chaque série de KPI (une ligne par KPI, une colonne par période, la plus ancienne d’abord).',
  },
  returns: {
    en: 'A column: improving, worsening, stable, or blank (fewer than 2 values).',
    fr: 'Une colonne : en amélioration, en dégradation, stable, ou vide (moins de 2 valeurs).',
  },
  returnType: 'Array<Array<string>>',
  params: [
    {
      name: 'values',
      type: 'Array<Array<number>>',
      help: { en: 'The series, one row per KPI.', fr: 'Les séries, une ligne par KPI.' },
    },
    {
      name: 'direction',
      type: 'string|Array<Array<string>>',
      optional: true,
      group: 'perRow',
      help: {
        en: 'higher (default) or lower is better; one cell or one per row.',
        fr: 'hausse (par défaut) ou baisse est mieux ; une cellule ou une par ligne.',
      },
    },
  ],
  example: '=KPI_TREND(L2:Q, E2:E)',
  result: 'rows',
  run(args, call) {
    const [values, direction] = args;
    const out: Out[][] = values!.map((series, r) => {
      try {
        const d = readDirection(at(direction, r, 0));
        const t = kpiTrend(series, d);
        return [t === '' ? '' : word(t, call.lang())];
      } catch (e) {
        return [call.fail(e)];
      }
    });
    return call.single ? out[0]![0]! : out;
  },
};

export const KPI_LATEST: FunctionSpec = {
  name: 'KPI_LATEST',
  summary: {
    en: 'Latest value of each KPI series: the rightmost non-blank period of each row.',
    fr: 'Dernière valeur de chaque série de KPI : la période non vide la plus à droite de chaque ligne.',
  },
  returns: {
    en: 'A column of values, blank for a row with none.',
    fr: 'Une colonne de valeurs, vide pour une ligne sans valeur.',
  },
  returnType: 'Array<Array<number>>',
  params: [
    {
      name: 'values',
      type: 'Array<Array<number>>',
      help: { en: 'The series, one row per KPI.', fr: 'Les séries, une ligne par KPI.' },
    },
  ],
  example: '=KPI_LATEST(K3:P)',
  result: 'rows',
  run(args, call) {
    const out: Out[][] = args[0]!.map((series) => {
      try {
        return [latestValue(series)];
      } catch (e) {
        return [call.fail(e)];
      }
    });
    return call.single ? out[0]![0]! : out;
  },
};
