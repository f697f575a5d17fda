import { fillPlaceholders, type MessageParams } from '@convergence/server/core';
import type { Locale, NotificationType } from '@convergence/shared/domain';

/** What an e-mail's button opens, from the notification type. */
export type EmailTarget = 'project' | 'commitment' | 'action' | 'forum' | 'discussion';

/**
 * The words around a notification in an e-mail (greeting, button, footer, digest headings), in the
 * three languages of the product. What happened is worded by `notificationText`; this is the frame.
 */
const WORDING = {
  greeting: { fr: 'Bonjour {name},', ar: 'مرحبًا {name}،', en: 'Hello {name},' },
  'open.project': { fr: 'Voir le projet', ar: 'عرض المشروع', en: 'View the project' },
  'open.commitment': { fr: 'Voir l’engagement', ar: 'عرض الالتزام', en: 'View the commitment' },
  'open.action': { fr: 'Voir l’action', ar: 'عرض الإجراء', en: 'View the action' },
  'open.forum': { fr: 'Voir le forum', ar: 'عرض المنتدى', en: 'View the forum' },
  'open.discussion': { fr: 'Voir la discussion', ar: 'عرض النقاش', en: 'View the discussion' },
  linkFallback: {
    fr: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    ar: 'إذا لم يعمل الزر، انسخ هذا الرابط في متصفحك:',
    en: 'If the button does not work, copy this link into your browser:',
  },
  footerReason: {
    fr: 'Vous recevez ce message parce que vous suivez cet élément sur Convergence ou qu’il vous concerne.',
    ar: 'تتلقى هذه الرسالة لأنك تتابع هذا العنصر على منصة Convergence أو لأنه يعنيك.',
    en: 'You receive this message because you follow this item on Convergence or it concerns you.',
  },
  footerDigestReason: {
    fr: 'Vous recevez ce résumé selon vos préférences de notification sur Convergence.',
    ar: 'تتلقى هذا الملخص وفق تفضيلات الإشعارات الخاصة بك على منصة Convergence.',
    en: 'You receive this digest according to your notification preferences on Convergence.',
  },
  footerPreferences: {
    fr: 'Modifier mes préférences de notification',
    ar: 'تعديل تفضيلات الإشعارات',
    en: 'Change my notification preferences',
  },
  'digest.subject.DAILY': {
    fr: 'Convergence — votre résumé du jour',
    ar: 'Convergence — ملخصك اليومي',
    en: 'Convergence — your daily digest',
  },
  'digest.subject.WEEKLY': {
    fr: 'Convergence — votre résumé de la semaine',
    ar: 'Convergence — ملخصك الأسبوعي',
    en: 'Convergence — your weekly digest',
  },
  'digest.intro.DAILY': {
    fr: 'Voici ce qui s’est passé aujourd’hui sur les éléments que vous suivez.',
    ar: 'إليك ما جرى اليوم بخصوص العناصر التي تتابعها.',
    en: 'Here is what happened today on the items you follow.',
  },
  'digest.intro.WEEKLY': {
    fr: 'Voici ce qui s’est passé cette semaine sur les éléments que vous suivez.',
    ar: 'إليك ما جرى هذا الأسبوع بخصوص العناصر التي تتابعها.',
    en: 'Here is what happened this week on the items you follow.',
  },
  'redList.heading': {
    fr: 'Liste rouge : engagements en retard de plus de {days} jours',
    ar: 'القائمة الحمراء: التزامات متأخرة بأكثر من {days} يومًا',
    en: 'Red list: commitments more than {days} days late',
  },
  'redList.commitment': { fr: 'Engagement', ar: 'الالتزام', en: 'Commitment' },
  'redList.organization': { fr: 'Organisation', ar: 'الهيئة', en: 'Organisation' },
  'redList.daysLate': { fr: 'Jours de retard', ar: 'أيام التأخير', en: 'Days late' },
  'redList.dueDate': { fr: 'Échéance', ar: 'تاريخ الاستحقاق', en: 'Due date' },
} as const satisfies Record<string, Record<Locale, string>>;

export type EmailWordingKey = keyof typeof WORDING;

export function emailWording(locale: Locale, key: EmailWordingKey, params: MessageParams = {}): string {
  return fillPlaceholders(WORDING[key][locale], params);
}

/** The button of a notification e-mail names what it opens, read from the type's family. */
export function emailTargetOf(type: NotificationType): EmailTarget {
  if (type.startsWith('PROJECT_')) return 'project';
  if (type.startsWith('COMMITMENT_')) return 'commitment';
  if (type.startsWith('ACTION_')) return 'action';
  if (type.startsWith('FORUM_')) return 'forum';
  return 'discussion';
}
