import { buildCommitmentHistory } from './demo-commitments';
import type { DemoCommitment } from './demo-conventions';

const TODAY = '2026-11-29';

const commitment = (overrides: Partial<DemoCommitment>): DemoCommitment => ({
  title: 'Cofinancement',
  kind: 'FUNDING',
  organization: 'Conseil',
  amount: 150,
  due: '2022-06-30',
  outcome: { status: 'IN_PROGRESS' },
  ...overrides,
});

describe('buildCommitmentHistory', () => {
  it('a fulfilled commitment has one complete declaration, accepted nine days later', () => {
    const history = buildCommitmentHistory(
      commitment({ outcome: { status: 'FULFILLED', declaredOn: '2022-07-20' } }),
      TODAY,
    );
    expect(history).toMatchObject({
      status: 'FULFILLED',
      amount: '150000000.00',
      quantity: null,
      fulfilledAmount: '150000000.00',
      fulfilledQuantity: '0.00',
      fulfilledOn: '2022-07-20',
      lastEventOn: '2022-07-29',
    });
    expect(history.fulfilments).toEqual([
      expect.objectContaining({
        amount: '150000000.00',
        complete: true,
        verifiedOn: '2022-07-29',
        accepted: true,
      }),
    ]);
  });

  it('a partial fulfilment is exact to the centime, in the unit of the commitment', () => {
    const history = buildCommitmentHistory(
      commitment({
        amount: undefined,
        quantity: [3000, 'lots'],
        outcome: { status: 'PARTIALLY_FULFILLED', declaredOn: '2022-07-20', share: 2 / 3 },
      }),
      TODAY,
    );
    expect(history).toMatchObject({
      amount: null,
      quantity: '3000.00',
      quantityUnit: 'lots',
      fulfilledQuantity: '2000.00',
    });
    expect(history.fulfilments[0]).toMatchObject({ quantity: '2000.00', amount: null, complete: false });
  });

  it('a declared commitment waits on one declaration, not verified', () => {
    const history = buildCommitmentHistory(
      commitment({ outcome: { status: 'DECLARED', declaredOn: '2026-11-20' } }),
      TODAY,
    );
    expect(history.fulfilments).toEqual([
      expect.objectContaining({ verifiedOn: null, accepted: null, verificationNote: null }),
    ]);
    expect(history.fulfilledAmount).toBe('0.00');
    expect(history.fulfilledOn).toBeNull();
  });

  it('a declaration sent back leaves the commitment in progress with the ministry’s note as reason', () => {
    const note = 'Justificatif incomplet.';
    const history = buildCommitmentHistory(
      commitment({
        outcome: {
          status: 'IN_PROGRESS',
          sentBack: { declaredOn: '2026-10-01', note },
        },
      }),
      TODAY,
    );
    expect(history).toMatchObject({
      status: 'IN_PROGRESS',
      statusReasonCode: null,
      statusNote: note,
    });
    expect(history.fulfilments[0]).toMatchObject({
      accepted: false,
      verificationNote: note,
      verifiedOn: '2026-10-10',
    });
  });

  it('keeps the original due date and chains every move', () => {
    const history = buildCommitmentHistory(
      commitment({
        slips: [
          { on: '2022-06-01', to: '2023-06-30', reason: 'PERMIT_DELAY', note: 'a' },
          { on: '2023-06-01', to: '2024-06-30', reason: 'OTHER', note: 'b' },
        ],
      }),
      TODAY,
    );
    expect(history.originalDueDate).toBe('2022-06-30');
    expect(history.dueDate).toBe('2024-06-30');
    expect(history.dueDateChanges.map((c) => [c.previousDueDate, c.newDueDate])).toEqual([
      ['2022-06-30', '2023-06-30'],
      ['2023-06-30', '2024-06-30'],
    ]);
  });

  it.each([
    ['neither an amount nor a quantity', commitment({ amount: undefined }), /amount or a quantity/],
    ['both', commitment({ quantity: [1, 'ha'] }), /amount or a quantity/],
    [
      'a verification still to come',
      commitment({ outcome: { status: 'FULFILLED', declaredOn: '2026-11-25' } }),
      /future/,
    ],
    [
      'a move in the future',
      commitment({ slips: [{ on: TODAY, to: '2027-01-01', reason: 'OTHER', note: '' }] }),
      /future/,
    ],
  ])('refuses %s', (_name, spec, message) => {
    expect(() => buildCommitmentHistory(spec, TODAY)).toThrow(message);
  });
});
