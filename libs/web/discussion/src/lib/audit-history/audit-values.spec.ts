import { FR } from '../../testing/discussion-testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_KEYS, changeViews, FIELD_LABEL_KEYS, OPERATION_KEYS, valueView } from './audit-values';

function has(tree: unknown, key: string): boolean {
  let node = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe('audit values', () => {
  it('has a text in every language for each field, operation and kind of change it names', () => {
    const keys = [
      ...Object.values(FIELD_LABEL_KEYS),
      ...Object.values(OPERATION_KEYS),
      ...Object.values(ACTION_KEYS),
    ];
    for (const locale of ['fr', 'ar', 'en']) {
      const scope = JSON.parse(readFileSync(join(__dirname, `../../i18n/${locale}.json`), 'utf8'));
      const missing = keys.filter((key) => !has({ discussion: scope }, key));
      expect([locale, missing]).toEqual([locale, []]);
    }
  });

  it('names enumeration values with the app-wide texts, status by the kind of subject', () => {
    const keys = [
      valueView('status', 'WORKS', 'PROJECT'),
      valueView('status', 'DECLARED', 'COMMITMENT'),
      valueView('status', 'BLOCKED', 'ACTION'),
      valueView('kind', 'LAND', 'COMMITMENT'),
      valueView('priority', 'HIGH', 'ACTION'),
      valueView('dueDateReasonCode', 'PERMIT_DELAY', 'ACTION'),
      valueView('type', 'NEW_TOWN', 'PROJECT'),
    ].map((view) => (view.kind === 'key' ? view.key : view.kind));
    expect(keys).toEqual([
      'projectStatus.WORKS',
      'commitmentStatus.DECLARED',
      'actionStatus.BLOCKED',
      'commitmentKind.LAND',
      'actionPriority.HIGH',
      'reasonCode.PERMIT_DELAY',
      'projectType.NEW_TOWN',
    ]);
    expect(keys.filter((key) => !has(FR.global, key))).toEqual([]);
  });

  it('formats amounts, numbers, dates and lists readably', () => {
    expect(valueView('budget', '100000000.00', 'PROJECT')).toEqual({ kind: 'money', value: '100000000.00' });
    expect(valueView('hectares', '12.5', 'PROJECT')).toEqual({ kind: 'number', value: '12.5' });
    expect(valueView('lastReportedAt', '2026-03-14T09:30:00.000Z', 'PROJECT')).toEqual({
      kind: 'date',
      value: '2026-03-14T09:30:00.000Z',
      style: 'dateTime',
    });
    expect(valueView('resolutions', ['Relogement', 'Foncier'], 'FORUM')).toEqual({
      kind: 'text',
      text: 'Relogement ; Foncier',
    });
    expect(
      valueView(
        'milestones',
        [{ title: 'Études' }, { title: 'Travaux', plannedDate: '2027-01-01' }],
        'PROJECT',
      ),
    ).toEqual({ kind: 'text', text: 'Études ; Travaux' });
    expect(
      valueView('fulfilment', { amount: '10.00', note: 'Virement', complete: true }, 'COMMITMENT'),
    ).toEqual({
      kind: 'text',
      text: 'amount : 10.00, note : Virement, complete : true',
    });
    expect(valueView('description', 'x'.repeat(400), 'PROJECT')).toEqual({
      kind: 'text',
      text: `${'x'.repeat(300)}…`,
    });
    expect(valueView('note', '', 'PROJECT')).toEqual({ kind: 'none' });
  });

  it('leaves out bookkeeping and anything that is not a before/after pair', () => {
    expect(changeViews({ commentId: [null, 'c1'], body: 'oops' }, 'PROJECT')).toEqual([]);
    expect(changeViews(null, 'PROJECT')).toEqual([]);
  });
});
