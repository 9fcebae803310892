import { kpiStatus, kpiTrend, latestValue, readDirection, readScale } from '../core/kpi';
import { word } from '../core/words';
import { at, type FunctionSpec, type Out, perCell } from './define';

export const KPI_STATUS: FunctionSpec = {
  name: 'KPI_STATUS',
  summary: {
    en: 'Status of a KPI value against its thresholds: green, yellow or red (green_at < red_at: lower is better).',
    fr: 'État d’une valeur de KPI selon ses seuils\u00a0: vert, jaune ou rouge (green_at < red_at\u00a0: plus bas est mieux).',
  },
  params: [{ name: 'value' }, { name: 'green_at' }, { name: 'red_at' }],
  result: 'common',
  run: perCell(([value, green, red], call) => {
    const g = kpiStatus(value, green, red);
    return g === '' ? '' : word(g, call.lang());
  }),
};

export const KPI_TREND: FunctionSpec = {
  name: 'KPI_TREND',
  summary: {
    en: 'Trend of each KPI series (one row per KPI, one column per period, oldest first): improving, worsening or stable, judged against the series’ size or the given scale.',
    fr: 'Tendance de chaque série de KPI (une ligne par KPI, une colonne par période, la plus ancienne d’abord)\u00a0: en amélioration, en dégradation ou stable, jugée par rapport à la taille de la série ou à l’échelle donnée.',
  },
  params: [
    { name: 'values' },
    {
      name: 'direction',
      optional: true,
      group: 'perRow',
    },
    { name: 'scale', optional: true, group: 'perRow' },
  ],
  result: 'rows',
  run(args, call) {
    const [values, direction, scale] = args;
    const out: Out[][] = values!.map((series, r) => {
      try {
        const d = readDirection(at(direction, r, 0));
        const t = kpiTrend(series, d, readScale(at(scale, r, 0)));
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
    fr: 'Dernière valeur de chaque série de KPI\u00a0: la période non vide la plus à droite de chaque ligne.',
  },
  params: [{ name: 'values' }],
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
