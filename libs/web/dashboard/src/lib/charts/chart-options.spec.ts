import {
  type ChartContext,
  chartSummary,
  investmentOverTimeOption,
  partnerScorecardOption,
  projectsByHealthOption,
  projectsByStatusOption,
  scorecardHeight,
  scoreSplits,
} from './chart-options';
import { at, call, each } from '../testing/option-path';

/** Formatting stand-ins that show what was formatted and how. */
const format: ChartContext['format'] = {
  money: (value, options = {}) => `${options.compact ? '~' : ''}${value} MAD`,
  number: (value) => `#${value}`,
};
const ltr: ChartContext = { direction: 'ltr', format };
const rtl: ChartContext = { direction: 'rtl', format };

describe('projectsByStatusOption / projectsByHealthOption', () => {
  const statuses = [
    { status: 'PROGRAMMED', count: 2 },
    { status: 'WORKS', count: 5 },
    { status: 'CANCELLED', count: 0 },
  ] as const;

  it('draws one labelled bar per status, in the api order, zeros included', () => {
    const option = projectsByStatusOption(
      statuses,
      { series: 'Projets', status: (status) => `label:${status}` },
      ltr,
    );
    expect(at(option, 'yAxis', 'data')).toEqual(['label:PROGRAMMED', 'label:WORKS', 'label:CANCELLED']);
    // First category on top.
    expect(at(option, 'yAxis', 'inverse')).toBe(true);
    expect(at(option, 'series', 0, 'name')).toBe('Projets');
    expect(each(option, ['series', 0, 'data'], 'value')).toEqual([2, 5, 0]);
    expect(at(option, 'xAxis', 'minInterval')).toBe(1);
    expect(call(at(option, 'tooltip', 'valueFormatter'), 5)).toBe('#5');
  });

  it('mirrors in right-to-left: bars grow from the right, categories on the right', () => {
    const sides = (direction: ChartContext) => {
      const option = projectsByStatusOption(statuses, { series: 'P', status: String }, direction);
      return [
        at(option, 'xAxis', 'inverse'),
        at(option, 'yAxis', 'position'),
        at(option, 'series', 0, 'label', 'position'),
      ];
    };
    expect(sides(ltr)).toEqual([false, 'left', 'right']);
    expect(sides(rtl)).toEqual([true, 'right', 'left']);
  });

  it('colours health by its meaning, and names it in words', () => {
    const option = projectsByHealthOption(
      [
        { health: 'ON_TRACK', count: 3 },
        { health: 'AT_RISK', count: 1 },
        { health: 'OFF_TRACK', count: 2 },
      ],
      { series: 'Projets', health: (health) => `health.${health}` },
      ltr,
    );
    expect(at(option, 'yAxis', 'data')).toEqual(['health.ON_TRACK', 'health.AT_RISK', 'health.OFF_TRACK']);
    expect(each(option, ['series', 0, 'data'], 'value')).toEqual([3, 1, 2]);
    expect(new Set(each(option, ['series', 0, 'data'], 'itemStyle', 'color')).size).toBe(3);
  });
});

describe('investmentOverTimeOption', () => {
  const years = [
    { year: 2019, committed: '100000000.00', realised: '0.00' },
    { year: 2020, committed: '150000000.50', realised: '25000000.00' },
  ];

  it('plots committed and realised by year, told apart by marker and stroke as well as colour', () => {
    const option = investmentOverTimeOption(years, { committed: 'Engagé', realised: 'Réalisé' }, ltr);
    expect(at(option, 'xAxis', 'data')).toEqual(['2019', '2020']);
    expect(at(option, 'series', 0)).toMatchObject({
      type: 'line',
      name: 'Engagé',
      data: [100000000, 150000000.5],
    });
    expect(at(option, 'series', 1)).toMatchObject({ type: 'line', name: 'Réalisé', data: [0, 25000000] });
    expect(at(option, 'series', 0, 'symbol')).not.toBe(at(option, 'series', 1, 'symbol'));
    expect(at(option, 'series', 0, 'lineStyle', 'type')).not.toBe(
      at(option, 'series', 1, 'lineStyle', 'type'),
    );
    expect(at(option, 'legend', 'data')).toEqual(['Engagé', 'Réalisé']);
    // Amounts on the axis and in the tooltip are compact money.
    expect(call(at(option, 'yAxis', 'axisLabel', 'formatter'), 5e6)).toBe('~5000000 MAD');
    expect(call(at(option, 'tooltip', 'valueFormatter'), 5e6)).toBe('~5000000 MAD');
  });

  it('reads from right to left in Arabic: years reversed, legend and axis on the right', () => {
    const option = investmentOverTimeOption(years, { committed: 'C', realised: 'R' }, rtl);
    expect(at(option, 'xAxis', 'inverse')).toBe(true);
    expect(at(option, 'yAxis', 'position')).toBe('right');
    expect(at(option, 'legend')).toMatchObject({ right: 8, align: 'right' });
    expect(at(option, 'legend', 'left')).toBeUndefined();
  });
});

describe('partner scorecard', () => {
  const scores = [
    {
      organization: { id: 'o1', name: 'Lyonnaise des Eaux de Casablanca', acronym: 'LYDEC' },
      commitmentCount: 10,
      fulfilledCount: 4,
      lateCount: 3,
    },
    {
      organization: { id: 'o2', name: 'Conseil de la Région', acronym: null },
      commitmentCount: 2,
      fulfilledCount: 2,
      lateCount: 0,
    },
  ];

  it('splits each partner into fulfilled, late and all the others', () => {
    expect(scoreSplits(scores)).toEqual([
      {
        id: 'o1',
        label: 'LYDEC',
        name: 'Lyonnaise des Eaux de Casablanca',
        fulfilled: 4,
        inProgress: 3,
        late: 3,
        total: 10,
      },
      {
        id: 'o2',
        label: 'Conseil de la Région',
        name: 'Conseil de la Région',
        fulfilled: 2,
        inProgress: 0,
        late: 0,
        total: 2,
      },
    ]);
  });

  it('stacks the three parts on one bar per partner, most late first as the api orders them', () => {
    const option = partnerScorecardOption(
      scoreSplits(scores),
      { fulfilled: 'F', inProgress: 'P', late: 'L' },
      ltr,
    );
    expect(at(option, 'yAxis', 'data')).toEqual(['LYDEC', 'Conseil de la Région']);
    expect(each(option, ['series'], 'name')).toEqual(['F', 'P', 'L']);
    expect(each(option, ['series'], 'stack')).toEqual(['commitments', 'commitments', 'commitments']);
    expect(each(option, ['series'], 'data')).toEqual([
      [4, 2],
      [3, 0],
      [3, 0],
    ]);
    expect(at(option, 'legend', 'data')).toEqual(['F', 'P', 'L']);
    expect(scorecardHeight(2)).toBeLessThan(scorecardHeight(20));
  });
});

describe('chartSummary', () => {
  it('names the chart and each figure, for the aria-label', () => {
    expect(
      chartSummary('Projets par statut', [
        ['En travaux', '5'],
        ['Livré', '2'],
      ]),
    ).toBe('Projets par statut: En travaux 5, Livré 2');
    expect(chartSummary('Vide', [])).toBe('Vide');
  });
});
