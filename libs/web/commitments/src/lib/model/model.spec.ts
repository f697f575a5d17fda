import { convertToParamMap } from '@angular/router';
import { filterOf, orderOf, paramsOf, queryFromParams } from './commitment-query';
import { exceeds, fromHundredths, normalizeDecimal, remainingOf, toHundredths } from './decimal';
import { daysLate, todayInMorocco } from './late';

describe('the tracker query in the URL', () => {
  it('reads every filter, and ignores what it does not know', () => {
    const query = queryFromParams(
      convertToParamMap({
        view: 'verification',
        territory: '06',
        status: 'PLANNED,BOGUS,IN_PROGRESS',
        kind: 'LAND',
        late: 'true',
        dueBefore: '31/12/2026',
        sort: 'NOPE',
        dir: 'DESC',
        q: ' voirie ',
      }),
    );

    expect(query).toMatchObject({
      view: 'verification',
      territory: '06',
      status: ['PLANNED', 'IN_PROGRESS'],
      kind: 'LAND',
      late: true,
      dueBefore: null,
      sort: 'DUE_DATE',
      dir: 'DESC',
      search: 'voirie',
      after: null,
    });
    expect(filterOf(query)).toEqual({
      territoryCode: '06',
      status: ['PLANNED', 'IN_PROGRESS'],
      kind: ['LAND'],
      late: true,
      search: 'voirie',
    });
    expect(orderOf(query)).toEqual({ field: 'DUE_DATE', direction: 'DESC' });
  });

  it('accepts a repeated status parameter too', () => {
    const query = queryFromParams(convertToParamMap({ status: ['DECLARED', 'FULFILLED'] }));
    expect(query.status).toEqual(['DECLARED', 'FULFILLED']);
  });

  it('writes short links: defaults removed, back to the first page on any change', () => {
    expect(paramsOf({ late: true, status: ['PLANNED', 'IN_PROGRESS'] })).toEqual({
      late: 'true',
      status: 'PLANNED,IN_PROGRESS',
      after: null,
    });
    expect(paramsOf({ late: false, view: 'all', sort: 'DUE_DATE', dir: 'ASC', search: ' ' })).toEqual({
      late: null,
      view: null,
      sort: null,
      dir: null,
      q: null,
      after: null,
    });
    expect(paramsOf({ after: 'c2' })).toEqual({ after: 'c2' });
  });
});

describe('exact decimals', () => {
  it('reads what a French or English reader types', () => {
    expect(normalizeDecimal('1 000 000,50')).toBe('1000000.50');
    expect(normalizeDecimal('1\u202f000')).toBe('1000');
    expect(normalizeDecimal('12.5')).toBe('12.5');
    expect(normalizeDecimal('-3')).toBeNull();
    expect(normalizeDecimal('1.234')).toBeNull();
    expect(normalizeDecimal('abc')).toBeNull();
  });

  it('subtracts and compares without floats', () => {
    expect(toHundredths('0.1') + toHundredths('0.2')).toBe(toHundredths('0.3'));
    expect(fromHundredths(toHundredths('500000000.05'))).toBe('500000000.05');
    expect(remainingOf('120000000.00', '60000000.01')).toBe('59999999.99');
    expect(remainingOf('10.00', '12.00')).toBe('0.00');
    expect(remainingOf(null, '0')).toBeNull();
    expect(exceeds('100.01', '100')).toBe(true);
    expect(exceeds('100', '100.00')).toBe(false);
  });
});

describe('lateness', () => {
  it('counts whole days in Morocco', () => {
    expect(todayInMorocco(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(daysLate('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysLate('2026-04-01', '2026-04-01')).toBe(1);
  });
});
