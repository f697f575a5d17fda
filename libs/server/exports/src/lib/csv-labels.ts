import type {
  ActionPriority,
  ActionStatus,
  CommitmentKind,
  CommitmentStatus,
  Health,
  Locale,
  ProjectStatus,
  ProjectType,
  ReasonCode,
} from '@convergence/shared/domain';

/**
 * The label of each code of an enum in each language, as a reader of the export expects it. The
 * wording is the web client's (`apps/web/public/i18n/{fr,ar,en}.json`: `projectStatus`, `health`,
 * `projectType`, `commitmentStatus`, `commitmentKind`, `actionStatus`, `actionPriority`,
 * `reasonCode`, `common.yes`/`common.no`), so that the file says what the screen says.
 */
export type LabelTable<Code extends string> = Readonly<Record<Code, Readonly<Record<Locale, string>>>>;

export const PROJECT_STATUS_LABELS: LabelTable<ProjectStatus> = {
  PROGRAMMED: { fr: 'Programmé', ar: 'مبرمج', en: 'Programmed' },
  STUDIES: { fr: 'En études', ar: 'في طور الدراسات', en: 'In studies' },
  WORKS: { fr: 'En travaux', ar: 'في طور الأشغال', en: 'Under works' },
  DELIVERED: { fr: 'Livré', ar: 'منجز', en: 'Delivered' },
  SUSPENDED: { fr: 'Suspendu', ar: 'متوقف', en: 'Suspended' },
  CANCELLED: { fr: 'Annulé', ar: 'ملغى', en: 'Cancelled' },
};

export const HEALTH_LABELS: LabelTable<Health> = {
  ON_TRACK: { fr: 'Dans les temps', ar: 'في الموعد', en: 'On track' },
  AT_RISK: { fr: 'À risque', ar: 'معرض للخطر', en: 'At risk' },
  OFF_TRACK: { fr: 'En dérive', ar: 'متعثر', en: 'Off track' },
};

export const PROJECT_TYPE_LABELS: LabelTable<ProjectType> = {
  SLUM_RESORPTION: { fr: 'Résorption de bidonvilles', ar: 'القضاء على دور الصفيح', en: 'Slum resorption' },
  SOCIAL_HOUSING: { fr: 'Habitat social', ar: 'السكن الاجتماعي', en: 'Social housing' },
  URBAN_UPGRADING: { fr: 'Mise à niveau urbaine', ar: 'التأهيل الحضري', en: 'Urban upgrading' },
  THREATENED_BUILDINGS: {
    fr: 'Habitat menaçant ruine',
    ar: 'المباني الآيلة للسقوط',
    en: 'Buildings threatening collapse',
  },
  NEW_TOWN: { fr: 'Ville nouvelle', ar: 'مدينة جديدة', en: 'New town' },
  NEW_URBAN_POLE: { fr: 'Nouveau pôle urbain', ar: 'قطب حضري جديد', en: 'New urban pole' },
  EMERGING_CENTRE: { fr: 'Centre émergent', ar: 'مركز صاعد', en: 'Emerging centre' },
  ACTIVITY_ZONE: { fr: "Zone d'activités", ar: 'منطقة أنشطة', en: 'Activity zone' },
  PUBLIC_EQUIPMENT: { fr: 'Équipement public', ar: 'تجهيز عمومي', en: 'Public facility' },
  OTHER: { fr: 'Autre', ar: 'أخرى', en: 'Other' },
};

export const COMMITMENT_STATUS_LABELS: LabelTable<CommitmentStatus> = {
  PLANNED: { fr: 'Prévu', ar: 'مبرمج', en: 'Planned' },
  IN_PROGRESS: { fr: 'En cours', ar: 'في طور الإنجاز', en: 'In progress' },
  DECLARED: { fr: 'Déclaré réalisé', ar: 'مصرح بإنجازه', en: 'Declared done' },
  FULFILLED: { fr: 'Honoré', ar: 'منجز', en: 'Fulfilled' },
  PARTIALLY_FULFILLED: { fr: 'Partiellement honoré', ar: 'منجز جزئيا', en: 'Partly fulfilled' },
  CANCELLED: { fr: 'Annulé', ar: 'ملغى', en: 'Cancelled' },
};

export const COMMITMENT_KIND_LABELS: LabelTable<CommitmentKind> = {
  FUNDING: { fr: 'Financement', ar: 'تمويل', en: 'Funding' },
  LAND: { fr: 'Foncier', ar: 'عقار', en: 'Land' },
  PERMIT: { fr: 'Autorisation', ar: 'ترخيص', en: 'Permit' },
  RELOCATION: { fr: 'Relogement', ar: 'إعادة الإسكان', en: 'Relocation' },
  STUDY: { fr: 'Étude', ar: 'دراسة', en: 'Study' },
  WORKS: { fr: 'Travaux', ar: 'أشغال', en: 'Works' },
  OTHER: { fr: 'Autre', ar: 'أخرى', en: 'Other' },
};

export const ACTION_STATUS_LABELS: LabelTable<ActionStatus> = {
  OPEN: { fr: 'À faire', ar: 'مفتوح', en: 'Open' },
  IN_PROGRESS: { fr: 'En cours', ar: 'قيد الإنجاز', en: 'In progress' },
  BLOCKED: { fr: 'Bloquée', ar: 'متعثر', en: 'Blocked' },
  DONE: { fr: 'Terminée', ar: 'منجز', en: 'Done' },
  CANCELLED: { fr: 'Annulée', ar: 'ملغى', en: 'Cancelled' },
};

export const ACTION_PRIORITY_LABELS: LabelTable<ActionPriority> = {
  LOW: { fr: 'Basse', ar: 'منخفضة', en: 'Low' },
  MEDIUM: { fr: 'Moyenne', ar: 'متوسطة', en: 'Medium' },
  HIGH: { fr: 'Haute', ar: 'مرتفعة', en: 'High' },
  CRITICAL: { fr: 'Critique', ar: 'حرجة', en: 'Critical' },
};

export const REASON_CODE_LABELS: LabelTable<ReasonCode> = {
  LAND_NOT_AVAILABLE: { fr: 'Foncier non disponible', ar: 'العقار غير متوفر', en: 'Land not available' },
  FUNDING_DELAY: { fr: 'Retard de financement', ar: 'تأخر التمويل', en: 'Funding delay' },
  PERMIT_DELAY: { fr: "Retard d'autorisation", ar: 'تأخر الترخيص', en: 'Permit delay' },
  RELOCATION_DELAY: { fr: 'Retard de relogement', ar: 'تأخر إعادة الإسكان', en: 'Relocation delay' },
  CONTRACTOR_DEFAULT: { fr: "Défaillance de l'entreprise", ar: 'تقصير المقاولة', en: 'Contractor default' },
  STUDIES_REVISED: { fr: 'Études révisées', ar: 'مراجعة الدراسات', en: 'Studies revised' },
  PARTNER_REQUEST: { fr: "Demande d'un partenaire", ar: 'طلب أحد الشركاء', en: 'Partner request' },
  FORCE_MAJEURE: { fr: 'Force majeure', ar: 'قوة قاهرة', en: 'Force majeure' },
  OTHER: { fr: 'Autre motif', ar: 'سبب آخر', en: 'Other reason' },
};

export const YES_NO_LABELS: Readonly<Record<'yes' | 'no', Readonly<Record<Locale, string>>>> = {
  yes: { fr: 'Oui', ar: 'نعم', en: 'Yes' },
  no: { fr: 'Non', ar: 'لا', en: 'No' },
};

/**
 * `code`'s label in `locale`; no code, an empty cell. A code the table does not know (a value
 * added to the database before its label) is written as is rather than lost.
 */
export function labelOf<Code extends string>(
  labels: LabelTable<Code>,
  code: Code | null | undefined,
  locale: Locale,
): string | null {
  if (code === null || code === undefined) return null;
  return Object.hasOwn(labels, code) ? labels[code][locale] : code;
}

/** "Oui"/"Non", "نعم"/"لا", "Yes"/"No". */
export function yesNo(value: boolean, locale: Locale): string {
  return YES_NO_LABELS[value ? 'yes' : 'no'][locale];
}
