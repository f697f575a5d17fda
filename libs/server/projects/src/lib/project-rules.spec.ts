import { endBeforeStart, slipWithoutReason, statusProblems } from './project-rules';

describe('statusProblems', () => {
  it('accepts the transitions of PROJECT_TRANSITIONS and a report that keeps the status', () => {
    expect(
      statusProblems({ from: 'PROGRAMMED', to: 'STUDIES', physicalProgress: 5, reasonCode: null }),
    ).toEqual([]);
    expect(statusProblems({ from: 'WORKS', to: 'WORKS', physicalProgress: 60, reasonCode: null })).toEqual(
      [],
    );
    expect(
      statusProblems({ from: 'SUSPENDED', to: 'WORKS', physicalProgress: 60, reasonCode: null }),
    ).toEqual([]);
  });

  it('refuses an illegal transition, naming the allowed ones', () => {
    expect(
      statusProblems({ from: 'PROGRAMMED', to: 'DELIVERED', physicalProgress: 100, reasonCode: null }),
    ).toEqual([
      {
        field: 'status',
        key: 'validation.invalidTransition',
        params: { from: 'PROGRAMMED', to: 'DELIVERED', allowed: 'STUDIES, WORKS, SUSPENDED, CANCELLED' },
      },
    ]);
  });

  it('refuses any report on a delivered or cancelled project', () => {
    for (const from of ['DELIVERED', 'CANCELLED'] as const) {
      expect(statusProblems({ from, to: from, physicalProgress: 100, reasonCode: null })).toEqual([
        { field: 'status', key: 'validation.finalStatus', params: { from } },
      ]);
    }
  });

  it('needs 100 % to deliver', () => {
    expect(
      statusProblems({ from: 'WORKS', to: 'DELIVERED', physicalProgress: 80, reasonCode: null }),
    ).toEqual([{ field: 'physicalProgress', key: 'validation.deliveredNeedsFullProgress' }]);
    expect(
      statusProblems({ from: 'WORKS', to: 'DELIVERED', physicalProgress: 100, reasonCode: null }),
    ).toEqual([]);
  });

  it('needs a reason to suspend or cancel, not to resume', () => {
    for (const to of ['SUSPENDED', 'CANCELLED'] as const) {
      expect(statusProblems({ from: 'WORKS', to, physicalProgress: 40, reasonCode: null })).toEqual([
        { field: 'reasonCode', key: 'validation.reasonRequired' },
      ]);
      expect(
        statusProblems({ from: 'WORKS', to, physicalProgress: 40, reasonCode: 'FUNDING_DELAY' }),
      ).toEqual([]);
    }
  });
});

describe('slipWithoutReason', () => {
  it('asks a reason only when the planned end moves later', () => {
    expect(slipWithoutReason('2027-06-30', '2027-12-31', null)).toEqual([
      { field: 'reasonCode', key: 'validation.reasonRequired' },
    ]);
    expect(slipWithoutReason('2027-06-30', '2027-12-31', 'PERMIT_DELAY')).toEqual([]);
    expect(slipWithoutReason('2027-06-30', '2027-01-31', null)).toEqual([]);
    expect(slipWithoutReason('2027-06-30', undefined, null)).toEqual([]);
    expect(slipWithoutReason(null, '2027-12-31', null)).toEqual([]);
  });
});

describe('endBeforeStart', () => {
  it('refuses an end before the start, accepts the same day', () => {
    expect(endBeforeStart('2026-05-01', '2026-04-30')).toEqual([
      { field: 'plannedEndDate', key: 'validation.endBeforeStart' },
    ]);
    expect(endBeforeStart('2026-05-01', '2026-05-01')).toEqual([]);
    expect(endBeforeStart(null, '2026-05-01')).toEqual([]);
  });
});
