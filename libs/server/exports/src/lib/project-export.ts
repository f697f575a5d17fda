import type { ProjectEntity } from '@convergence/server/projects';
import type { ExportDefinition } from './csv-columns';
import { HEALTH_LABELS, PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS } from './csv-labels';

export const PROJECT_EXPORT: ExportDefinition<ProjectEntity> = {
  fileName: { fr: 'projets', ar: 'المشاريع', en: 'projects' },
  references: (p) => ({
    organizationIds: [p.leadOrganizationId, ...p.partnerOrganizationIds],
    territoryCodes: [p.regionCode, p.provinceCode, p.communeCode],
  }),
  columns: [
    { header: { fr: 'Code', ar: 'الرمز', en: 'Code' }, value: (p) => p.code },
    { header: { fr: 'Intitulé', ar: 'العنوان', en: 'Title' }, value: (p) => p.title },
    {
      header: { fr: 'Type', ar: 'النوع', en: 'Type' },
      value: (p, cell) => cell.label(PROJECT_TYPE_LABELS, p.type),
    },
    {
      header: { fr: 'Statut', ar: 'الوضعية', en: 'Status' },
      value: (p, cell) => cell.label(PROJECT_STATUS_LABELS, p.status),
    },
    {
      header: { fr: 'Santé', ar: 'الحالة', en: 'Health' },
      value: (p, cell) => cell.label(HEALTH_LABELS, p.health),
    },
    { header: { fr: 'Région', ar: 'الجهة', en: 'Region' }, value: (p, cell) => cell.territory(p.regionCode) },
    {
      header: { fr: 'Préfecture / province', ar: 'العمالة / الإقليم', en: 'Prefecture / province' },
      value: (p, cell) => cell.territory(p.provinceCode),
    },
    {
      header: { fr: 'Commune', ar: 'الجماعة', en: 'Commune' },
      value: (p, cell) => cell.territory(p.communeCode),
    },
    {
      header: { fr: 'Maître d’ouvrage', ar: 'صاحب المشروع', en: 'Lead organisation' },
      value: (p, cell) => cell.organization(p.leadOrganizationId),
    },
    {
      header: { fr: 'Partenaires', ar: 'الشركاء', en: 'Partners' },
      value: (p, cell) => p.partnerOrganizationIds.map((id) => cell.organization(id)).join(' ; '),
    },
    {
      header: { fr: 'Avancement physique (%)', ar: 'التقدم المادي (%)', en: 'Physical progress (%)' },
      value: (p) => p.physicalProgress,
    },
    { header: { fr: 'Budget (MAD)', ar: 'الميزانية (درهم)', en: 'Budget (MAD)' }, value: (p) => p.budget },
    {
      header: { fr: 'Montant dépensé (MAD)', ar: 'المبلغ المصروف (درهم)', en: 'Amount spent (MAD)' },
      value: (p) => p.spentAmount,
    },
    {
      header: { fr: 'Logements prévus', ar: 'الوحدات السكنية المبرمجة', en: 'Housing units planned' },
      value: (p) => p.housingUnitsPlanned,
    },
    {
      header: { fr: 'Logements livrés', ar: 'الوحدات السكنية المسلمة', en: 'Housing units delivered' },
      value: (p) => p.housingUnitsDelivered,
    },
    {
      header: { fr: 'Ménages ciblés', ar: 'الأسر المستهدفة', en: 'Households targeted' },
      value: (p) => p.householdsTargeted,
    },
    {
      header: { fr: 'Ménages relogés', ar: 'الأسر المعاد إسكانها', en: 'Households relocated' },
      value: (p) => p.householdsRelocated,
    },
    { header: { fr: 'Superficie (ha)', ar: 'المساحة (هكتار)', en: 'Area (ha)' }, value: (p) => p.hectares },
    { header: { fr: 'Début', ar: 'البداية', en: 'Start' }, value: (p) => p.startDate },
    {
      header: { fr: 'Fin prévue', ar: 'النهاية المتوقعة', en: 'Planned end' },
      value: (p) => p.plannedEndDate,
    },
    { header: { fr: 'Fin réelle', ar: 'النهاية الفعلية', en: 'Actual end' }, value: (p) => p.actualEndDate },
    {
      header: { fr: 'Dernier compte rendu', ar: 'آخر تقرير', en: 'Last progress report' },
      value: (p) => p.lastReportedAt?.toISOString() ?? null,
    },
  ],
};
