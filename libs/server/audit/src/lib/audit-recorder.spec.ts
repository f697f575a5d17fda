import { changedFields } from './audit-recorder';

interface Row {
  status: string;
  progress: string;
  dueDate: Date | null;
  note?: string;
}

describe('changedFields', () => {
  it('keeps only the audited fields that differ, as [before, after]', () => {
    const before: Row = { status: 'WORKS', progress: '40.00', dueDate: new Date('2026-01-01T00:00:00Z') };
    const after: Row = { status: 'WORKS', progress: '55.00', dueDate: new Date('2026-03-01T00:00:00Z') };
    expect(changedFields<Row>(['status', 'progress', 'dueDate'], before, after)).toEqual({
      progress: ['40.00', '55.00'],
      dueDate: ['2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    });
  });

  it('records every audited field of a creation and of a deletion', () => {
    const row: Row = { status: 'OPEN', progress: '0', dueDate: null, note: 'n' };
    expect(changedFields<Row>(['status', 'note'], null, row)).toEqual({
      status: [null, 'OPEN'],
      note: [null, 'n'],
    });
    expect(changedFields<Row>(['status'], row, null)).toEqual({ status: ['OPEN', null] });
  });

  it('finds nothing when nothing changed, arrays compared by content', () => {
    const row = { ids: ['a', 'b'] };
    expect(changedFields<typeof row>(['ids'], row, { ids: ['a', 'b'] })).toEqual({});
  });
});
