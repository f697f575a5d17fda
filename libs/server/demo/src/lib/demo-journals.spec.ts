import { buildJournal, type JournalSubject } from './demo-journals';

const TODAY = '2026-11-29';

function project(
  journal: JournalSubject['journal'],
  overrides: Partial<JournalSubject> = {},
): JournalSubject {
  return {
    code: 'TEST-1',
    type: 'SOCIAL_HOUSING',
    budget: '100000000.00',
    housingPlanned: 1000,
    start: '2018-01-01',
    plannedEnd: '2026-12-31',
    journal,
    ...overrides,
  };
}

describe('buildJournal', () => {
  it('files a report every half-year between the first and the latest, moving forward', () => {
    const { reports, current } = buildJournal(
      project({
        opening: { on: '2019-01-15', status: 'PROGRAMMED', progress: 0 },
        events: [{ on: '2019-09-01', status: 'WORKS', note: 'Démarrage des travaux.' }],
        latest: { on: '2026-11-01', progress: 80 },
      }),
      TODAY,
    );
    const days = reports.map((r) => r.reportedAt.toISOString().slice(0, 10));
    expect(days.slice(0, 4)).toEqual(['2019-01-15', '2019-06-30', '2019-09-01', '2019-12-31']);
    expect(days[days.length - 1]).toBe('2026-11-01');
    expect(reports.map((r) => r.status)).toEqual([
      'PROGRAMMED',
      'PROGRAMMED',
      ...Array<string>(reports.length - 2).fill('WORKS'),
    ]);
    expect(reports[2]).toMatchObject({ previousStatus: 'PROGRAMMED', note: 'Démarrage des travaux.' });
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i].previousStatus).toBe(reports[i - 1].status);
      expect(Number(reports[i].physicalProgress)).toBeGreaterThanOrEqual(
        Number(reports[i - 1].physicalProgress),
      );
      expect(Number(reports[i].spentAmount)).toBeGreaterThanOrEqual(Number(reports[i - 1].spentAmount));
    }
    const last = reports[reports.length - 1];
    expect(current).toMatchObject({
      status: 'WORKS',
      physicalProgress: '80.00',
      spentAmount: '80000000.00',
      housingUnitsDelivered: 800,
      plannedEndDate: '2026-12-31',
      actualEndDate: null,
      lastReportedAt: last.reportedAt,
    });
    expect(last.note).toBe(
      "Point d'étape : travaux en cours, avancement physique 80 %, 80 M MAD dépensés, 800 logements livrés.",
    );
  });

  it('puts "behind schedule" progress that many points under the time elapsed today', () => {
    const { current } = buildJournal(
      project(
        {
          opening: { on: '2020-01-01', status: 'WORKS', progress: 0 },
          latest: { on: '2026-11-20', progress: { behindSchedule: 15 } },
        },
        { start: '2020-01-01', plannedEnd: '2030-01-01' },
      ),
      TODAY,
    );
    // 2020-01-01 → 2026-11-29 is 69 % of the way to 2030-01-01.
    expect(current.physicalProgress).toBe('54.00');
  });

  it('keeps progress flat while suspended, and records the slip of the planned end', () => {
    const { reports, current } = buildJournal(
      project({
        opening: { on: '2019-01-01', status: 'WORKS', progress: 10 },
        events: [
          { on: '2022-01-01', status: 'SUSPENDED', reason: 'FUNDING_DELAY', note: 'Arrêt.' },
          {
            on: '2024-01-01',
            status: 'WORKS',
            plannedEnd: '2028-12-31',
            reason: 'FUNDING_DELAY',
            note: 'Reprise.',
          },
        ],
        latest: { on: '2026-01-01', progress: 70 },
      }),
      TODAY,
    );
    const during = reports.filter((r) => r.status === 'SUSPENDED').map((r) => r.physicalProgress);
    expect(new Set(during).size).toBe(1);
    expect(reports.find((r) => r.plannedEndDate)).toMatchObject({
      reasonCode: 'FUNDING_DELAY',
      status: 'WORKS',
    });
    expect(current.plannedEndDate).toBe('2028-12-31');
  });

  it('dates the milestones reached and leaves the others open', () => {
    const { milestones } = buildJournal(
      project({
        opening: { on: '2018-01-01', status: 'WORKS', progress: 0 },
        latest: { on: '2026-01-01', progress: 50 },
      }),
      TODAY,
    );
    expect(milestones.map((m) => [m.title, m.actualDate !== null])).toEqual([
      ['Permis de construire', true],
      ['Gros œuvre', true],
      ['Second œuvre et raccordements', false],
      ['Livraison des logements', false],
    ]);
    expect(milestones[3].plannedDate).toBe('2026-12-31');
  });

  it('marks a delivered project with its actual end', () => {
    const { current } = buildJournal(
      project({
        opening: { on: '2019-01-01', status: 'WORKS', progress: 40 },
        events: [{ on: '2023-05-31', status: 'DELIVERED', note: 'Livrée.' }],
        latest: { on: '2023-05-31', progress: 100 },
      }),
      TODAY,
    );
    expect(current).toMatchObject({
      status: 'DELIVERED',
      actualEndDate: '2023-05-31',
      housingUnitsDelivered: 1000,
    });
  });

  it.each([
    [
      'an illegal transition',
      { on: '2020-01-01', status: 'PROGRAMMED' as const, note: 'Retour.' },
      100,
      /WORKS → PROGRAMMED/,
    ],
    [
      'a suspension without reason',
      { on: '2020-01-01', status: 'SUSPENDED' as const, note: 'Arrêt.' },
      50,
      /reason/,
    ],
    [
      'a later planned end without reason',
      { on: '2020-01-01', plannedEnd: '2030-12-31', note: 'Report.' },
      50,
      /reason/,
    ],
    [
      'DELIVERED before the latest report',
      { on: '2020-01-01', status: 'DELIVERED' as const, note: 'Livrée.' },
      100,
      /DELIVERED/,
    ],
  ])('refuses %s', (_name, event, progress, message) => {
    const plan = {
      opening: { on: '2019-01-01', status: 'WORKS' as const, progress: 10 },
      events: [event],
      latest: { on: '2021-01-01', progress },
    };
    expect(() => buildJournal(project(plan), TODAY)).toThrow(message);
  });

  it('refuses a report in the future', () => {
    const plan = {
      opening: { on: '2019-01-01', status: 'WORKS' as const, progress: 10 },
      latest: { on: TODAY, progress: 50 },
    };
    expect(() => buildJournal(project(plan), TODAY)).toThrow(/not in the past/);
  });
});
