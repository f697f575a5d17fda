import { needsReason, statusChangeProblems } from './action-rules';

describe('statusChangeProblems', () => {
  it('allows the workflow of PRODUCT.md', () => {
    expect(statusChangeProblems('OPEN', 'IN_PROGRESS', null)).toEqual([]);
    expect(statusChangeProblems('IN_PROGRESS', 'DONE', null)).toEqual([]);
    expect(statusChangeProblems('IN_PROGRESS', 'BLOCKED', 'PERMIT_DELAY')).toEqual([]);
    expect(statusChangeProblems('BLOCKED', 'IN_PROGRESS', null)).toEqual([]);
    expect(statusChangeProblems('DONE', 'IN_PROGRESS', null)).toEqual([]);
  });

  it('refuses an illegal move and names the allowed ones', () => {
    expect(statusChangeProblems('DONE', 'BLOCKED', 'OTHER')).toEqual([
      {
        field: 'status',
        key: 'validation.invalidTransition',
        params: { from: 'DONE', to: 'BLOCKED', allowed: 'IN_PROGRESS' },
      },
    ]);
    expect(statusChangeProblems('OPEN', 'OPEN', null)[0].params).toEqual({
      from: 'OPEN',
      to: 'OPEN',
      allowed: 'IN_PROGRESS, DONE, BLOCKED, CANCELLED',
    });
  });

  it('treats CANCELLED as final', () => {
    expect(statusChangeProblems('CANCELLED', 'OPEN', null)).toEqual([
      { field: 'status', key: 'validation.finalStatus', params: { from: 'CANCELLED' } },
    ]);
  });

  it('needs a reason to block or cancel, and only then', () => {
    expect(statusChangeProblems('OPEN', 'BLOCKED', null)).toEqual([
      { field: 'reasonCode', key: 'validation.reasonRequired' },
    ]);
    expect(statusChangeProblems('IN_PROGRESS', 'CANCELLED', undefined)).toEqual([
      { field: 'reasonCode', key: 'validation.reasonRequired' },
    ]);
    expect(['OPEN', 'IN_PROGRESS', 'DONE'].some((s) => needsReason(s as never))).toBe(false);
  });
});
