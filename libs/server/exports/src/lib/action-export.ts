import type { ActionEntity } from '@convergence/server/actions';
import type { ExportDefinition } from './csv-columns';
import { ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS, REASON_CODE_LABELS } from './csv-labels';

export const ACTION_EXPORT: ExportDefinition<ActionEntity> = {
  fileName: { fr: 'actions', ar: 'الإجراءات', en: 'actions' },
  references: (a) => ({
    organizationIds: [a.responsibleOrganizationId, ...a.contributorOrganizationIds],
    territoryCodes: [a.territoryCode],
  }),
  columns: [
    { header: { fr: 'Action', ar: 'الإجراء', en: 'Action' }, value: (a) => a.title },
    {
      header: { fr: 'Responsable', ar: 'المسؤول', en: 'Responsible organisation' },
      value: (a, cell) => cell.organization(a.responsibleOrganizationId),
    },
    {
      header: { fr: 'Contributeurs', ar: 'المساهمون', en: 'Contributors' },
      value: (a, cell) => a.contributorOrganizationIds.map((id) => cell.organization(id)).join(' ; '),
    },
    {
      header: { fr: 'Territoire', ar: 'المجال الترابي', en: 'Territory' },
      value: (a, cell) => cell.territory(a.territoryCode),
    },
    {
      header: { fr: 'Priorité', ar: 'الأولوية', en: 'Priority' },
      value: (a, cell) => cell.label(ACTION_PRIORITY_LABELS, a.priority),
    },
    {
      header: { fr: 'Statut', ar: 'الوضعية', en: 'Status' },
      value: (a, cell) => cell.label(ACTION_STATUS_LABELS, a.status),
    },
    { header: { fr: 'En retard', ar: 'متأخر', en: 'Overdue' }, value: (a, cell) => cell.yesNo(a.overdue) },
    { header: { fr: 'Échéance', ar: 'الأجل', en: 'Due date' }, value: (a) => a.dueDate },
    { header: { fr: 'Réalisée le', ar: 'تاريخ الإنجاز', en: 'Done on' }, value: (a) => a.doneOn },
    {
      header: { fr: 'Motif', ar: 'السبب', en: 'Reason' },
      value: (a, cell) => cell.label(REASON_CODE_LABELS, a.statusReasonCode),
    },
    { header: { fr: 'Note', ar: 'ملاحظة', en: 'Note' }, value: (a) => a.statusNote },
  ],
};
