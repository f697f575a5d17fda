import type { ActionEntity } from '@convergence/server/actions';
import type { CommitmentEntity } from '@convergence/server/commitments';
import type { ProjectEntity } from '@convergence/server/projects';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  HEALTHS,
  LOCALES,
  type Locale,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  REASON_CODES,
} from '@convergence/shared/domain';
import { ACTION_EXPORT } from './action-export';
import { COMMITMENT_EXPORT } from './commitment-export';
import type { CellContext, ExportDefinition } from './csv-columns';
import {
  ACTION_PRIORITY_LABELS,
  ACTION_STATUS_LABELS,
  COMMITMENT_KIND_LABELS,
  COMMITMENT_STATUS_LABELS,
  HEALTH_LABELS,
  type LabelTable,
  labelOf,
  PROJECT_STATUS_LABELS,
  PROJECT_TYPE_LABELS,
  REASON_CODE_LABELS,
  yesNo,
} from './csv-labels';
import { PROJECT_EXPORT } from './project-export';

/** The cells of one row under the export's headers, as the service writes them. */
function cells<Row>(definition: ExportDefinition<Row>, row: Row, locale: Locale): Record<string, unknown> {
  const cell: CellContext = {
    locale,
    organization: () => null,
    territory: () => null,
    label: (labels, code) => labelOf(labels, code, locale),
    yesNo: (value) => yesNo(value, locale),
  };
  return Object.fromEntries(definition.columns.map((c) => [c.header[locale], c.value(row, cell)]));
}

describe('export labels', () => {
  it.each([
    ['project status', PROJECT_STATUS_LABELS, PROJECT_STATUSES],
    ['health', HEALTH_LABELS, HEALTHS],
    ['project type', PROJECT_TYPE_LABELS, PROJECT_TYPES],
    ['commitment status', COMMITMENT_STATUS_LABELS, COMMITMENT_STATUSES],
    ['commitment kind', COMMITMENT_KIND_LABELS, COMMITMENT_KINDS],
    ['action status', ACTION_STATUS_LABELS, ACTION_STATUSES],
    ['action priority', ACTION_PRIORITY_LABELS, ACTION_PRIORITIES],
    ['reason code', REASON_CODE_LABELS, REASON_CODES],
  ] as [string, LabelTable<string>, readonly string[]][])(
    'names every %s in every language, and no code twice in one language',
    (_name, labels, codes) => {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      for (const locale of LOCALES) {
        const words = codes.map((code) => labelOf(labels, code, locale));
        for (const word of words) expect(word).toMatch(/\S/);
        expect(new Set(words).size).toBe(words.length);
        // A label is never the code itself.
        codes.forEach((code, index) => expect(words[index]).not.toBe(code));
      }
    },
  );

  it('writes an empty cell for no code, and an unknown code as is', () => {
    expect(labelOf(HEALTH_LABELS, null, 'fr')).toBeNull();
    expect(labelOf(HEALTH_LABELS, 'NEW_HEALTH' as never, 'fr')).toBe('NEW_HEALTH');
    expect(labelOf(HEALTH_LABELS, 'constructor' as never, 'en')).toBe('constructor');
  });

  it('says yes and no in the reader’s language', () => {
    expect(LOCALES.map((locale) => [yesNo(true, locale), yesNo(false, locale)])).toEqual([
      ['Oui', 'Non'],
      ['نعم', 'لا'],
      ['Yes', 'No'],
    ]);
  });

  it('writes a commitment’s kind, status and lateness as words', () => {
    const commitment = { title: 'Mobiliser le foncier', kind: 'LAND', status: 'IN_PROGRESS', late: true };
    const row = commitment as unknown as CommitmentEntity;
    expect(cells(COMMITMENT_EXPORT, row, 'fr')).toMatchObject({
      Engagement: 'Mobiliser le foncier',
      Nature: 'Foncier',
      Statut: 'En cours',
      'En retard': 'Oui',
    });
    expect(cells(COMMITMENT_EXPORT, row, 'ar')).toMatchObject({
      الطبيعة: 'عقار',
      الوضعية: 'في طور الإنجاز',
      متأخر: 'نعم',
    });
    expect(cells(COMMITMENT_EXPORT, { ...row, late: false } as CommitmentEntity, 'en')).toMatchObject({
      Kind: 'Land',
      Status: 'In progress',
      Late: 'No',
    });
  });

  it('writes a project’s type, status and health as words, and no health as an empty cell', () => {
    const project = {
      code: 'P1',
      type: 'SLUM_RESORPTION',
      status: 'WORKS',
      health: 'AT_RISK',
      partnerOrganizationIds: [],
    };
    const row = project as unknown as ProjectEntity;
    expect(cells(PROJECT_EXPORT, row, 'fr')).toMatchObject({
      Code: 'P1',
      Type: 'Résorption de bidonvilles',
      Statut: 'En travaux',
      Santé: 'À risque',
    });
    expect(cells(PROJECT_EXPORT, { ...row, health: null } as ProjectEntity, 'en')).toMatchObject({
      Type: 'Slum resorption',
      Status: 'Under works',
      Health: null,
    });
  });

  it('writes an action’s priority, status, lateness and reason as words', () => {
    const action = {
      title: 'Libérer l’emprise',
      contributorOrganizationIds: [],
      priority: 'HIGH',
      status: 'BLOCKED',
      overdue: false,
      statusReasonCode: 'LAND_NOT_AVAILABLE',
    };
    const row = action as unknown as ActionEntity;
    expect(cells(ACTION_EXPORT, row, 'ar')).toMatchObject({
      الأولوية: 'مرتفعة',
      الوضعية: 'متعثر',
      متأخر: 'لا',
      السبب: 'العقار غير متوفر',
    });
    expect(cells(ACTION_EXPORT, { ...row, statusReasonCode: null } as ActionEntity, 'en')).toMatchObject({
      Priority: 'High',
      Status: 'Blocked',
      Overdue: 'No',
      Reason: null,
    });
  });
});
