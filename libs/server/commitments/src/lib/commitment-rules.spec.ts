import { BadUserInputError } from '@convergence/server/core';
import {
  acceptFulfilment,
  declaredShare,
  lockedProblem,
  onlyStartsWork,
  statusChangeProblems,
  type Declaration,
} from './commitment-rules';
import { fromHundredths, toHundredths } from './exact-decimal';

const money = { amount: '1000000.00', quantity: null, fulfilledAmount: '0.00', fulfilledQuantity: '0.00' };
const land = { amount: null, quantity: '12.50', fulfilledAmount: '0.00', fulfilledQuantity: '0.00' };

function problemsOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('exact decimals', () => {
  it('adds and compares amounts to the centime without floats', () => {
    expect(fromHundredths(toHundredths('0.10') + toHundredths('0.2'))).toBe('0.30');
    expect(fromHundredths(toHundredths('99999999999999.99') + toHundredths('0.01'))).toBe(
      '100000000000000.00',
    );
    expect(fromHundredths(toHundredths('5') - toHundredths('7.5'))).toBe('-2.50');
  });
});

describe('declaredShare', () => {
  const declare = (owed: typeof money | typeof land, declaration: Declaration) =>
    declaredShare(owed, declaration);

  it('keeps a part within what remains, written as the column stores it', () => {
    expect(declare(money, { amount: '250000', complete: false })).toEqual({
      amount: '250000.00',
      quantity: null,
    });
  });

  it('claims everything that remains when complete without figures', () => {
    expect(declare({ ...money, fulfilledAmount: '400000.00' }, { complete: true })).toEqual({
      amount: '600000.00',
      quantity: null,
    });
    expect(declare(land, { complete: true })).toEqual({ amount: null, quantity: '12.50' });
  });

  it('refuses more than remains, naming the maximum', () => {
    expect(problemsOf(() => declare(money, { amount: '1000000.01', complete: false }))).toEqual([
      { field: 'amount', key: 'validation.exceedsRemaining', params: { max: '1000000.00' } },
    ]);
    expect(problemsOf(() => declare(land, { amount: '1', complete: false }))).toEqual([
      { field: 'amount', key: 'validation.exceedsRemaining', params: { max: '0.00' } },
    ]);
  });

  it('needs an amount or a quantity for a part', () => {
    expect(problemsOf(() => declare(money, { complete: false }))).toEqual([
      { field: 'amount', key: 'validation.amountOrQuantityRequired' },
    ]);
    expect(problemsOf(() => declare(money, { amount: '0', complete: false }))).toEqual([
      { field: 'amount', key: 'validation.amountOrQuantityRequired' },
    ]);
  });
});

describe('acceptFulfilment', () => {
  it('is FULFILLED when the totals reach the commitment', () => {
    expect(acceptFulfilment(money, { amount: '1000000.00', quantity: null, complete: false })).toEqual({
      status: 'FULFILLED',
      fulfilledAmount: '1000000.00',
      fulfilledQuantity: '0.00',
    });
  });

  it('is PARTIALLY_FULFILLED for a part, FULFILLED when the organisation declared it complete', () => {
    const part = { amount: '300000.00', quantity: null };
    expect(acceptFulfilment(money, { ...part, complete: false }).status).toBe('PARTIALLY_FULFILLED');
    expect(acceptFulfilment(money, { ...part, complete: true })).toEqual({
      status: 'FULFILLED',
      fulfilledAmount: '300000.00',
      fulfilledQuantity: '0.00',
    });
  });

  it('needs both figures reached when the commitment has an amount and a quantity', () => {
    const both = { ...money, quantity: '10.00' };
    expect(acceptFulfilment(both, { amount: '1000000.00', quantity: '9.99', complete: false }).status).toBe(
      'PARTIALLY_FULFILLED',
    );
  });
});

describe('status changes by updateCommitment', () => {
  it('starts, or cancels with a reason', () => {
    expect(statusChangeProblems('PLANNED', 'IN_PROGRESS', undefined)).toEqual([]);
    expect(statusChangeProblems('IN_PROGRESS', 'CANCELLED', 'FUNDING_DELAY')).toEqual([]);
    expect(statusChangeProblems('IN_PROGRESS', 'CANCELLED', undefined)).toEqual([
      { field: 'reasonCode', key: 'validation.reasonRequired' },
    ]);
  });

  it('never reaches the fulfilment statuses by hand, and names what is allowed', () => {
    expect(statusChangeProblems('IN_PROGRESS', 'FULFILLED', undefined)).toEqual([
      {
        field: 'status',
        key: 'validation.invalidTransition',
        params: { from: 'IN_PROGRESS', to: 'FULFILLED', allowed: 'CANCELLED' },
      },
    ]);
    expect(statusChangeProblems('DECLARED', 'IN_PROGRESS', undefined)[0].params).toEqual({
      from: 'DECLARED',
      to: 'IN_PROGRESS',
      allowed: '—',
    });
  });

  it('closes a commitment once verified or cancelled, and locks it while a declaration awaits verification', () => {
    expect(lockedProblem('id', 'PARTIALLY_FULFILLED')).toEqual({
      field: 'id',
      key: 'validation.commitmentClosed',
      params: { status: 'PARTIALLY_FULFILLED' },
    });
    expect(lockedProblem('commitmentId', 'DECLARED')).toEqual({
      field: 'commitmentId',
      key: 'validation.alreadyDeclared',
    });
    expect(lockedProblem('id', 'IN_PROGRESS')).toBeNull();
  });
});

describe('onlyStartsWork', () => {
  it('is PLANNED → IN_PROGRESS and nothing else', () => {
    expect(onlyStartsWork('PLANNED', { status: 'IN_PROGRESS' })).toBe(true);
    expect(onlyStartsWork('PLANNED', { status: 'IN_PROGRESS', title: undefined })).toBe(true);
  });

  it('is not when another field is given, even null, or for another move', () => {
    expect(onlyStartsWork('PLANNED', { status: 'IN_PROGRESS', dueDate: '2030-01-01' })).toBe(false);
    expect(onlyStartsWork('PLANNED', { status: 'IN_PROGRESS', amount: null })).toBe(false);
    expect(onlyStartsWork('PLANNED', { status: 'CANCELLED' })).toBe(false);
    expect(onlyStartsWork('IN_PROGRESS', { status: 'IN_PROGRESS' })).toBe(false);
    expect(onlyStartsWork('PLANNED', {})).toBe(false);
  });
});
