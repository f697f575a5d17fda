import type { ActionEntity } from '@convergence/server/actions';
import type { ExportDefinition } from './csv-columns';

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
      value: (a, n) => n.organization(a.responsibleOrganizationId),
    },
    {
      header: { fr: 'Contributeurs', ar: 'المساهمون', en: 'Contributors' },
      value: (a, n) => a.contributorOrganizationIds.map((id) => n.organization(id)).join(' ; '),
    },
    {
      header: { fr: 'Territoire', ar: 'المجال الترابي', en: 'Territory' },
      value: (a, n) => n.territory(a.territoryCode),
    },
    { header: { fr: 'Priorité', ar: 'الأولوية', en: 'Priority' }, value: (a) => a.priority },
    { header: { fr: 'Statut', ar: 'الوضعية', en: 'Status' }, value: (a) => a.status },
    { header: { fr: 'En retard', ar: 'متأخر', en: 'Overdue' }, value: (a) => (a.overdue ? 1 : 0) },
    { header: { fr: 'Échéance', ar: 'الأجل', en: 'Due date' }, value: (a) => a.dueDate },
    { header: { fr: 'Réalisée le', ar: 'تاريخ الإنجاز', en: 'Done on' }, value: (a) => a.doneOn },
    { header: { fr: 'Motif', ar: 'السبب', en: 'Reason' }, value: (a) => a.statusReasonCode },
    { header: { fr: 'Note', ar: 'ملاحظة', en: 'Note' }, value: (a) => a.statusNote },
  ],
};
