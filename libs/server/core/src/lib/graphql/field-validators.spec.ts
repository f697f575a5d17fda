import { validateSync } from 'class-validator';
import { IsCalendarDate, IsNonNegativeDecimal, isCalendarDate } from './field-validators';

/** The constraints a value breaks, with their contexts (what `fieldProblems` turns into messages). */
function problemsOf<T extends object>(instance: T): { constraint: string; context: unknown }[] {
  return validateSync(instance).flatMap((error) =>
    Object.keys(error.constraints ?? {}).map((constraint) => ({
      constraint,
      context: error.contexts?.[constraint],
    })),
  );
}

describe('isCalendarDate', () => {
  it('accepts real days written YYYY-MM-DD and nothing else', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-28')).toBe(false);
    expect(isCalendarDate('2026-02-28T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20260228)).toBe(false);
  });
});

describe('IsCalendarDate', () => {
  class Dated {
    @IsCalendarDate()
    day: unknown;
    constructor(day: unknown) {
      this.day = day;
    }
  }

  it('accepts the days of 1900 to 2200', () => {
    expect(problemsOf(new Dated('1900-01-01'))).toEqual([]);
    expect(problemsOf(new Dated('2200-12-31'))).toEqual([]);
  });

  it('tells a day outside 1900–2200 (PostgreSQL refuses the year 0) apart from a malformed one', () => {
    for (const day of ['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31']) {
      expect(problemsOf(new Dated(day))).toEqual([
        { constraint: 'dateOutOfRange', context: { min: 1900, max: 2200 } },
      ]);
    }
    expect(problemsOf(new Dated('soon'))).toEqual([{ constraint: 'isDateString', context: undefined }]);
    expect(problemsOf(new Dated('0000-02-30'))).toEqual([{ constraint: 'isDateString', context: undefined }]);
  });
});

describe('IsNonNegativeDecimal', () => {
  class Amounts {
    @IsNonNegativeDecimal()
    amount: unknown;
    @IsNonNegativeDecimal(2, 8)
    hectares: unknown;
    constructor(amount: unknown, hectares: unknown) {
      this.amount = amount;
      this.hectares = hectares;
    }
  }
  const amountProblem = { constraint: 'decimal', context: { scale: 2, max: '99999999999999.99' } };
  const hectaresProblem = { constraint: 'decimal', context: { scale: 2, max: '99999999.99' } };

  it('accepts zero up to the largest value of the column, leading zeros included', () => {
    expect(problemsOf(new Amounts('0', '0.5'))).toEqual([]);
    expect(problemsOf(new Amounts('99999999999999.99', '99999999.99'))).toEqual([]);
    expect(problemsOf(new Amounts('000000000000001.00', '0000000012.50'))).toEqual([]);
  });

  it('refuses more integer digits than numeric(p, s) holds, naming the maximum', () => {
    expect(problemsOf(new Amounts('100000000000000', '123456789.00'))).toEqual([
      amountProblem,
      hectaresProblem,
    ]);
  });

  it('refuses a sign, too many decimals and anything but a string', () => {
    expect(problemsOf(new Amounts('-1', '1.234'))).toEqual([amountProblem, hectaresProblem]);
    expect(problemsOf(new Amounts(12, null))).toEqual([amountProblem, hectaresProblem]);
  });
});
