import type { CommitmentEntity } from '@convergence/server/commitments';
import type { ExportDefinition } from './csv-columns';
import { COMMITMENT_KIND_LABELS, COMMITMENT_STATUS_LABELS } from './csv-labels';

export const COMMITMENT_EXPORT: ExportDefinition<CommitmentEntity> = {
  fileName: { fr: 'engagements', ar: 'الالتزامات', en: 'commitments' },
  references: (c) => ({
    organizationIds: [c.organizationId],
    territoryCodes: [c.regionCode, c.provinceCode],
  }),
  columns: [
    { header: { fr: 'Engagement', ar: 'الالتزام', en: 'Commitment' }, value: (c) => c.title },
    {
      header: { fr: 'Organisme engagé', ar: 'الجهة الملتزمة', en: 'Committing organisation' },
      value: (c, cell) => cell.organization(c.organizationId),
    },
    {
      header: { fr: 'Nature', ar: 'الطبيعة', en: 'Kind' },
      value: (c, cell) => cell.label(COMMITMENT_KIND_LABELS, c.kind),
    },
    {
      header: { fr: 'Statut', ar: 'الوضعية', en: 'Status' },
      value: (c, cell) => cell.label(COMMITMENT_STATUS_LABELS, c.status),
    },
    { header: { fr: 'En retard', ar: 'متأخر', en: 'Late' }, value: (c, cell) => cell.yesNo(c.late) },
    { header: { fr: 'Échéance', ar: 'الأجل', en: 'Due date' }, value: (c) => c.dueDate },
    {
      header: { fr: 'Échéance initiale', ar: 'الأجل الأصلي', en: 'Original due date' },
      value: (c) => c.originalDueDate,
    },
    { header: { fr: 'Montant (MAD)', ar: 'المبلغ (درهم)', en: 'Amount (MAD)' }, value: (c) => c.amount },
    {
      header: { fr: 'Montant réalisé (MAD)', ar: 'المبلغ المنجز (درهم)', en: 'Amount fulfilled (MAD)' },
      value: (c) => c.fulfilledAmount,
    },
    { header: { fr: 'Quantité', ar: 'الكمية', en: 'Quantity' }, value: (c) => c.quantity },
    {
      header: { fr: 'Quantité réalisée', ar: 'الكمية المنجزة', en: 'Quantity fulfilled' },
      value: (c) => c.fulfilledQuantity,
    },
    { header: { fr: 'Unité', ar: 'الوحدة', en: 'Unit' }, value: (c) => c.quantityUnit },
    { header: { fr: 'Réalisé le', ar: 'تاريخ الإنجاز', en: 'Fulfilled on' }, value: (c) => c.fulfilledOn },
    { header: { fr: 'Région', ar: 'الجهة', en: 'Region' }, value: (c, cell) => cell.territory(c.regionCode) },
    {
      header: { fr: 'Préfecture / province', ar: 'العمالة / الإقليم', en: 'Prefecture / province' },
      value: (c, cell) => cell.territory(c.provinceCode),
    },
  ],
};
