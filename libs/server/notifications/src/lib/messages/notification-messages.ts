import {
  PROGRESS_REPORT_FRESHNESS_DAYS,
  QUESTION_ANSWER_DAYS,
  type Locale,
  type NotificationType,
} from '@convergence/shared/domain';

/**
 * The words of a notification — the bell, the live toast and the e-mail — in the reader's language.
 *
 * Each type has a title naming the subject and a list of bodies, most detailed first: the first body
 * whose `{placeholders}` the event's payload can all fill is used, and the last one needs nothing, so
 * an event with a thinner payload still reads naturally and never shows a raw `{placeholder}`.
 *
 * Payload keys read (all optional), as the producers write them (`ChangePayloads` of
 * libs/server/outbox, the comment events, the escalation scanner):
 * - `from`, `to`: the old and new status of a project or an action, the old and new due date of a
 *   commitment (`YYYY-MM-DD`); `status`: the new status where there is no `to` (a verified commitment);
 * - `physicalProgress`, `previousProgress`: percentages (numbers or decimal strings);
 * - `complete`: whether a declared fulfilment is the whole commitment; `note`: why it was sent back;
 * - `dueDate`, `heldOn` (or `date`): `YYYY-MM-DD` or an ISO timestamp; `place`: a forum's place;
 * - `organizationName`: the organisation concerned; `authorName`, `excerpt`: a comment's author and text;
 * - `daysLeft`, `daysLate`, `daysSinceReport`, `daysOpen`: whole numbers of days.
 */
export function notificationText(
  type: NotificationType,
  payload: Record<string, unknown>,
  subjectTitle: string,
  locale: Locale,
): { title: string; body: string } {
  const template = TEMPLATES[type];
  const params = paramsFrom(type, payload, subjectTitle, locale);
  const title = fill(template.title[locale], params) ?? template.title[locale];
  for (const body of template.bodies) {
    const text = fill(body[locale], params);
    if (text !== null) return { title, body: text };
  }
  // Unreachable while every type's last body needs no payload (the unit test checks it).
  return { title, body: '' };
}

type Text = Record<Locale, string>;
interface Template {
  title: Text;
  /** Most detailed first; the last one must only use `{subject}` or constants. */
  bodies: readonly Text[];
}
type Params = Partial<Record<string, string>>;

/** Replaces every `{name}`; null when a placeholder has no value (then the next body is tried). */
function fill(text: string, params: Params): string | null {
  let missing = false;
  // One pass: values are inserted verbatim, so braces in a comment never count as placeholders.
  const filled = text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : filled;
}

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' };
const SUBJECT_TITLE_MAX = 80;
const EXCERPT_MAX = 140;

const STATUS_LABELS: Record<'project' | 'commitment' | 'action', Record<string, Text>> = {
  project: {
    PROGRAMMED: { fr: 'programmé', ar: 'مبرمج', en: 'programmed' },
    STUDIES: { fr: 'en études', ar: 'في طور الدراسات', en: 'in studies' },
    WORKS: { fr: 'en travaux', ar: 'في طور الأشغال', en: 'under works' },
    DELIVERED: { fr: 'livré', ar: 'منجز', en: 'delivered' },
    SUSPENDED: { fr: 'suspendu', ar: 'متوقف', en: 'suspended' },
    CANCELLED: { fr: 'annulé', ar: 'ملغى', en: 'cancelled' },
  },
  commitment: {
    PLANNED: { fr: 'prévu', ar: 'مبرمج', en: 'planned' },
    IN_PROGRESS: { fr: 'en cours', ar: 'قيد الإنجاز', en: 'in progress' },
    DECLARED: { fr: 'déclaré réalisé', ar: 'مصرح بإنجازه', en: 'declared fulfilled' },
    FULFILLED: { fr: 'honoré', ar: 'منجز', en: 'fulfilled' },
    PARTIALLY_FULFILLED: { fr: 'partiellement honoré', ar: 'منجز جزئيًا', en: 'partially fulfilled' },
    CANCELLED: { fr: 'annulé', ar: 'ملغى', en: 'cancelled' },
  },
  action: {
    OPEN: { fr: 'ouverte', ar: 'مفتوح', en: 'open' },
    IN_PROGRESS: { fr: 'en cours', ar: 'قيد الإنجاز', en: 'in progress' },
    DONE: { fr: 'terminée', ar: 'منجز', en: 'done' },
    BLOCKED: { fr: 'bloquée', ar: 'متعثر', en: 'blocked' },
    CANCELLED: { fr: 'annulée', ar: 'ملغى', en: 'cancelled' },
  },
};

function statusKindOf(type: NotificationType): keyof typeof STATUS_LABELS {
  if (type.startsWith('PROJECT_')) return 'project';
  if (type.startsWith('ACTION_')) return 'action';
  return 'commitment';
}

/** "1 jour", "7 jours"; Arabic has its own plural forms (1, 2, 3–10, 11–99, hundreds). */
function dayCount(days: number, locale: Locale): string {
  if (locale === 'fr') return days <= 1 ? `${days} jour` : `${days} jours`;
  if (locale === 'en') return days === 1 ? '1 day' : `${days} days`;
  if (days === 1) return 'يوم واحد';
  if (days === 2) return 'يومين';
  const lastTwo = days % 100;
  if (lastTwo >= 3 && lastTwo <= 10) return `${days} أيام`;
  if (lastTwo >= 11) return `${days} يومًا`;
  return `${days} يوم`;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (!trimmed) return undefined;
  return trimmed.length > max ? `${trimmed.slice(0, max - 1).trimEnd()}…` : trimmed;
}

function wholeDays(value: unknown): number | undefined {
  const days = typeof value === 'string' ? Number(value) : value;
  return typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : undefined;
}

/** A calendar date (`YYYY-MM-DD`, shown as is) or an instant (shown on Casablanca's calendar). */
function formatDate(value: unknown, locale: Locale): string | undefined {
  if (typeof value !== 'string') return undefined;
  const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(calendarDate ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeZone: calendarDate ? 'UTC' : 'Africa/Casablanca',
  }).format(date);
}

function formatPercent(value: unknown, locale: Locale): string | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  if (
    typeof number !== 'number' ||
    !Number.isFinite(number) ||
    (typeof value === 'string' && !value.trim())
  ) {
    return undefined;
  }
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(number);
}

const SOME_SUBJECT: Text = { fr: 'un sujet suivi', ar: 'موضوع تتابعونه', en: 'a followed item' };

/** How much of a commitment a declaration covers. */
const EXTENT: Record<'full' | 'partial', Text> = {
  full: { fr: 'totale', ar: 'كلي', en: 'full' },
  partial: { fr: 'partielle', ar: 'جزئي', en: 'partial' },
};

function paramsFrom(
  type: NotificationType,
  payload: Record<string, unknown>,
  subjectTitle: string,
  locale: Locale,
): Params {
  // `from`/`to` are statuses in a status change, dates in a moved due date.
  const movedDate = type === 'COMMITMENT_DUE_DATE_MOVED';
  const newStatus = movedDate ? undefined : (payload['to'] ?? payload['status']);
  const status = typeof newStatus === 'string' ? newStatus : undefined;
  const complete = payload['complete'];
  const days = (key: string) => {
    const count = wholeDays(payload[key]);
    return count === undefined ? undefined : dayCount(count, locale);
  };
  return {
    subject: text(subjectTitle, SUBJECT_TITLE_MAX) ?? SOME_SUBJECT[locale],
    status: status ? STATUS_LABELS[statusKindOf(type)][status]?.[locale] : undefined,
    progress: formatPercent(payload['physicalProgress'], locale),
    previousProgress: formatPercent(payload['previousProgress'], locale),
    extent: typeof complete === 'boolean' ? EXTENT[complete ? 'full' : 'partial'][locale] : undefined,
    note: text(payload['note'], EXCERPT_MAX),
    dueDate: formatDate(payload[movedDate ? 'to' : 'dueDate'], locale),
    previousDueDate: movedDate ? formatDate(payload['from'], locale) : undefined,
    date: formatDate(payload['heldOn'] ?? payload['date'], locale),
    place: text(payload['place'], SUBJECT_TITLE_MAX),
    organization: text(payload['organizationName'], SUBJECT_TITLE_MAX),
    author: text(payload['authorName'], SUBJECT_TITLE_MAX),
    excerpt: text(payload['excerpt'], EXCERPT_MAX),
    daysLeft: days('daysLeft'),
    daysLate: days('daysLate'),
    daysSinceReport: days('daysSinceReport'),
    daysOpen: days('daysOpen'),
    freshnessDays: dayCount(PROGRESS_REPORT_FRESHNESS_DAYS, locale),
    answerDays: dayCount(QUESTION_ANSWER_DAYS, locale),
  };
}

/** A comment's words, as the comment, reply and mention notifications all quote them. */
const COMMENT_QUOTES: readonly Text[] = [
  { fr: '{author} : « {excerpt} »', ar: '{author}: «{excerpt}»', en: '{author}: “{excerpt}”' },
  { fr: '« {excerpt} »', ar: '«{excerpt}»', en: '“{excerpt}”' },
];

const TEMPLATES: Record<NotificationType, Template> = {
  PROJECT_STATUS_CHANGED: {
    title: {
      fr: 'Changement de statut : {subject}',
      ar: 'تغيير الوضعية: {subject}',
      en: 'Status changed: {subject}',
    },
    bodies: [
      {
        fr: 'Le projet est désormais {status}.',
        ar: 'أصبح المشروع {status}.',
        en: 'The project is now {status}.',
      },
      {
        fr: 'Le statut du projet a changé.',
        ar: 'تغيرت وضعية المشروع.',
        en: 'The project’s status has changed.',
      },
    ],
  },
  PROJECT_PROGRESS_REPORTED: {
    title: {
      fr: 'Avancement publié : {subject}',
      ar: 'تقرير تقدم جديد: {subject}',
      en: 'Progress reported: {subject}',
    },
    bodies: [
      {
        fr: 'Avancement physique : de {previousProgress} % à {progress} %.',
        ar: 'التقدم المادي: من {previousProgress}٪ إلى {progress}٪.',
        en: 'Physical progress: from {previousProgress}% to {progress}%.',
      },
      {
        fr: 'Avancement physique : {progress} %.',
        ar: 'نسبة التقدم المادي: {progress}٪.',
        en: 'Physical progress: {progress}%.',
      },
      {
        fr: 'Un nouveau point d’avancement a été publié.',
        ar: 'تم نشر تقرير تقدم جديد.',
        en: 'A new progress report was published.',
      },
    ],
  },
  COMMITMENT_DECLARED: {
    title: {
      fr: 'Engagement déclaré réalisé : {subject}',
      ar: 'تصريح بإنجاز التزام: {subject}',
      en: 'Commitment declared fulfilled: {subject}',
    },
    bodies: [
      {
        fr: 'Réalisation {extent} déclarée ; elle attend la vérification du ministère.',
        ar: 'تم التصريح بإنجاز {extent}، في انتظار تحقق الوزارة.',
        en: 'A {extent} fulfilment was declared; it awaits the ministry’s verification.',
      },
      {
        fr: 'La réalisation a été déclarée ; elle attend la vérification du ministère.',
        ar: 'تم التصريح بالإنجاز، في انتظار تحقق الوزارة.',
        en: 'Its fulfilment was declared; it awaits the ministry’s verification.',
      },
    ],
  },
  COMMITMENT_VERIFIED: {
    title: {
      fr: 'Engagement vérifié : {subject}',
      ar: 'تم التحقق من الالتزام: {subject}',
      en: 'Commitment verified: {subject}',
    },
    bodies: [
      {
        fr: 'Le ministère a validé la réalisation : engagement {status}.',
        ar: 'صادقت الوزارة على الإنجاز: التزام {status}.',
        en: 'The ministry accepted the fulfilment: commitment {status}.',
      },
      {
        fr: 'Le ministère a validé la réalisation déclarée.',
        ar: 'صادقت الوزارة على الإنجاز المصرح به.',
        en: 'The ministry accepted the declared fulfilment.',
      },
    ],
  },
  COMMITMENT_SENT_BACK: {
    title: {
      fr: 'Engagement renvoyé : {subject}',
      ar: 'إرجاع الالتزام: {subject}',
      en: 'Commitment sent back: {subject}',
    },
    bodies: [
      {
        fr: 'Le ministère a renvoyé la déclaration : « {note} »',
        ar: 'أرجعت الوزارة التصريح: «{note}»',
        en: 'The ministry sent the declaration back: “{note}”',
      },
      {
        fr: 'Le ministère a renvoyé la déclaration ; l’engagement repasse en cours.',
        ar: 'أرجعت الوزارة التصريح، وعاد الالتزام إلى قيد الإنجاز.',
        en: 'The ministry sent the declaration back; the commitment is in progress again.',
      },
    ],
  },
  COMMITMENT_DUE_DATE_MOVED: {
    title: {
      fr: 'Échéance déplacée : {subject}',
      ar: 'تغيير الأجل: {subject}',
      en: 'Due date moved: {subject}',
    },
    bodies: [
      {
        fr: 'Nouvelle échéance : {dueDate} (au lieu du {previousDueDate}).',
        ar: 'الأجل الجديد: {dueDate} (بدلًا من {previousDueDate}).',
        en: 'New due date: {dueDate} (was {previousDueDate}).',
      },
      {
        fr: 'Nouvelle échéance : {dueDate}.',
        ar: 'الأجل الجديد: {dueDate}.',
        en: 'New due date: {dueDate}.',
      },
      {
        fr: 'L’échéance de l’engagement a changé.',
        ar: 'تغير أجل الالتزام.',
        en: 'The commitment’s due date has changed.',
      },
    ],
  },
  ACTION_ASSIGNED: {
    title: {
      fr: 'Action confiée : {subject}',
      ar: 'إجراء مسند: {subject}',
      en: 'Action assigned: {subject}',
    },
    bodies: [
      {
        fr: 'Cette action est confiée à votre organisation, pour le {dueDate}.',
        ar: 'أسند هذا الإجراء إلى جهتكم، في أجل أقصاه {dueDate}.',
        en: 'This action is assigned to your organisation, due on {dueDate}.',
      },
      {
        fr: 'Cette action est confiée à votre organisation.',
        ar: 'أسند هذا الإجراء إلى جهتكم.',
        en: 'This action is assigned to your organisation.',
      },
    ],
  },
  ACTION_STATUS_CHANGED: {
    title: {
      fr: 'Action mise à jour : {subject}',
      ar: 'تحديث إجراء: {subject}',
      en: 'Action updated: {subject}',
    },
    bodies: [
      {
        fr: 'L’action est désormais {status}.',
        ar: 'أصبح الإجراء {status}.',
        en: 'The action is now {status}.',
      },
      {
        fr: 'Le statut de l’action a changé.',
        ar: 'تغيرت وضعية الإجراء.',
        en: 'The action’s status has changed.',
      },
    ],
  },
  ACTION_UPDATED: {
    title: {
      fr: 'Action modifiée : {subject}',
      ar: 'تعديل إجراء: {subject}',
      en: 'Action changed: {subject}',
    },
    bodies: [
      {
        fr: 'Nouvelle échéance : {dueDate}.',
        ar: 'الأجل الجديد: {dueDate}.',
        en: 'New due date: {dueDate}.',
      },
      {
        fr: 'La définition de l’action a changé (échéance, priorité ou contributeurs).',
        ar: 'تغير تعريف الإجراء (الأجل أو الأولوية أو المساهمون).',
        en: 'The action’s definition changed (due date, priority or contributors).',
      },
    ],
  },
  COMMENT_ADDED: {
    title: {
      fr: 'Nouveau commentaire sur {subject}',
      ar: 'تعليق جديد على {subject}',
      en: 'New comment on {subject}',
    },
    bodies: [
      ...COMMENT_QUOTES,
      { fr: 'Un nouveau commentaire a été publié.', ar: 'نُشر تعليق جديد.', en: 'A new comment was posted.' },
    ],
  },
  COMMENT_REPLY: {
    title: {
      fr: 'Nouvelle réponse sur {subject}',
      ar: 'رد جديد على {subject}',
      en: 'New reply on {subject}',
    },
    bodies: [
      ...COMMENT_QUOTES,
      {
        fr: 'Quelqu’un a répondu dans la discussion.',
        ar: 'رد أحدهم في النقاش.',
        en: 'Someone replied in the discussion.',
      },
    ],
  },
  MENTION: {
    title: {
      fr: 'On vous mentionne sur {subject}',
      ar: 'تمت الإشارة إليكم في {subject}',
      en: 'You were mentioned on {subject}',
    },
    bodies: [
      ...COMMENT_QUOTES,
      {
        fr: 'Un commentaire vous mentionne.',
        ar: 'يشير إليكم أحد التعليقات.',
        en: 'A comment mentions you.',
      },
    ],
  },
  QUESTION_ASKED: {
    title: {
      fr: 'Question officielle sur {subject}',
      ar: 'سؤال رسمي حول {subject}',
      en: 'Formal question on {subject}',
    },
    bodies: [
      {
        fr: '{author} : « {excerpt} » Réponse attendue sous {answerDays}.',
        ar: '{author}: «{excerpt}» الجواب منتظر خلال {answerDays}.',
        en: '{author}: “{excerpt}” An answer is due within {answerDays}.',
      },
      {
        fr: '« {excerpt} » Réponse attendue sous {answerDays}.',
        ar: '«{excerpt}» الجواب منتظر خلال {answerDays}.',
        en: '“{excerpt}” An answer is due within {answerDays}.',
      },
      {
        fr: 'Une question officielle attend la réponse de votre organisation sous {answerDays}.',
        ar: 'سؤال رسمي ينتظر جواب جهتكم خلال {answerDays}.',
        en: 'A formal question awaits your organisation’s answer within {answerDays}.',
      },
    ],
  },
  FORUM_SCHEDULED: {
    title: {
      fr: 'Forum programmé : {subject}',
      ar: 'برمجة منتدى: {subject}',
      en: 'Forum scheduled: {subject}',
    },
    bodies: [
      { fr: 'Le {date}, {place}.', ar: 'يوم {date}، {place}.', en: 'On {date}, {place}.' },
      { fr: 'Le {date}.', ar: 'يوم {date}.', en: 'On {date}.' },
      {
        fr: 'Un nouveau forum a été programmé.',
        ar: 'تمت برمجة منتدى جديد.',
        en: 'A new forum has been scheduled.',
      },
    ],
  },
  COMMITMENT_DUE_SOON: {
    title: { fr: 'Échéance proche : {subject}', ar: 'أجل قريب: {subject}', en: 'Due soon: {subject}' },
    bodies: [
      {
        fr: 'Échéance le {dueDate}, dans {daysLeft}.',
        ar: 'ينتهي الأجل يوم {dueDate}، بعد {daysLeft}.',
        en: 'Due on {dueDate}, in {daysLeft}.',
      },
      { fr: 'Échéance le {dueDate}.', ar: 'ينتهي الأجل يوم {dueDate}.', en: 'Due on {dueDate}.' },
      {
        fr: 'L’échéance de cet engagement approche.',
        ar: 'يقترب أجل هذا الالتزام.',
        en: 'This commitment is due soon.',
      },
    ],
  },
  COMMITMENT_OVERDUE: {
    title: {
      fr: 'Engagement en retard : {subject}',
      ar: 'التزام متأخر: {subject}',
      en: 'Commitment overdue: {subject}',
    },
    bodies: [
      {
        fr: 'En retard de {daysLate} (échéance du {dueDate}).',
        ar: 'متأخر بـ{daysLate} (الأجل: {dueDate}).',
        en: 'Overdue by {daysLate} (due on {dueDate}).',
      },
      {
        fr: 'Échéance dépassée : {dueDate}.',
        ar: 'تم تجاوز الأجل: {dueDate}.',
        en: 'Past its due date: {dueDate}.',
      },
      {
        fr: 'L’échéance de cet engagement est dépassée.',
        ar: 'تم تجاوز أجل هذا الالتزام.',
        en: 'This commitment is past its due date.',
      },
    ],
  },
  COMMITMENT_ESCALATED: {
    title: {
      fr: 'Retard signalé au ministère : {subject}',
      ar: 'تأخر مرفوع إلى الوزارة: {subject}',
      en: 'Escalated to the ministry: {subject}',
    },
    bodies: [
      {
        fr: '{organization} : en retard de {daysLate} (échéance du {dueDate}).',
        ar: '{organization}: متأخر بـ{daysLate} (الأجل: {dueDate}).',
        en: '{organization}: overdue by {daysLate} (due on {dueDate}).',
      },
      {
        fr: 'En retard de {daysLate} (échéance du {dueDate}).',
        ar: 'متأخر بـ{daysLate} (الأجل: {dueDate}).',
        en: 'Overdue by {daysLate} (due on {dueDate}).',
      },
      {
        fr: 'Cet engagement est en retard depuis plus de deux semaines.',
        ar: 'هذا الالتزام متأخر منذ أكثر من أسبوعين.',
        en: 'This commitment has been overdue for more than two weeks.',
      },
    ],
  },
  ACTION_OVERDUE: {
    title: {
      fr: 'Action en retard : {subject}',
      ar: 'إجراء متأخر: {subject}',
      en: 'Action overdue: {subject}',
    },
    bodies: [
      {
        fr: 'En retard de {daysLate} (échéance du {dueDate}).',
        ar: 'متأخر بـ{daysLate} (الأجل: {dueDate}).',
        en: 'Overdue by {daysLate} (due on {dueDate}).',
      },
      {
        fr: 'Échéance dépassée : {dueDate}.',
        ar: 'تم تجاوز الأجل: {dueDate}.',
        en: 'Past its due date: {dueDate}.',
      },
      {
        fr: 'L’échéance de cette action est dépassée.',
        ar: 'تم تجاوز أجل هذا الإجراء.',
        en: 'This action is past its due date.',
      },
    ],
  },
  PROJECT_STALE: {
    title: {
      fr: 'Avancement à mettre à jour : {subject}',
      ar: 'تحديث التقدم مطلوب: {subject}',
      en: 'Progress update needed: {subject}',
    },
    bodies: [
      {
        fr: 'Aucun point d’avancement depuis {daysSinceReport}.',
        ar: 'لا يوجد تقرير تقدم منذ {daysSinceReport}.',
        en: 'No progress report for {daysSinceReport}.',
      },
      {
        fr: 'Aucun point d’avancement depuis plus de {freshnessDays}.',
        ar: 'لا يوجد تقرير تقدم منذ أكثر من {freshnessDays}.',
        en: 'No progress report for more than {freshnessDays}.',
      },
    ],
  },
  QUESTION_UNANSWERED: {
    title: {
      fr: 'Question sans réponse : {subject}',
      ar: 'سؤال بدون جواب: {subject}',
      en: 'Unanswered question: {subject}',
    },
    bodies: [
      {
        fr: '« {excerpt} » attend une réponse depuis {daysOpen}.',
        ar: '«{excerpt}» ينتظر جوابًا منذ {daysOpen}.',
        en: '“{excerpt}” has awaited an answer for {daysOpen}.',
      },
      {
        fr: '« {excerpt} » attend une réponse depuis plus de {answerDays}.',
        ar: '«{excerpt}» ينتظر جوابًا منذ أكثر من {answerDays}.',
        en: '“{excerpt}” has awaited an answer for more than {answerDays}.',
      },
      {
        fr: 'Une question officielle attend une réponse depuis plus de {answerDays}.',
        ar: 'سؤال رسمي ينتظر جوابًا منذ أكثر من {answerDays}.',
        en: 'A formal question has awaited an answer for more than {answerDays}.',
      },
    ],
  },
  FORUM_REMINDER: {
    title: { fr: 'Rappel : {subject}', ar: 'تذكير: {subject}', en: 'Reminder: {subject}' },
    bodies: [
      {
        fr: 'Le forum a lieu le {date}, {place}.',
        ar: 'ينعقد المنتدى يوم {date}، {place}.',
        en: 'The forum takes place on {date}, {place}.',
      },
      {
        fr: 'Le forum a lieu le {date}.',
        ar: 'ينعقد المنتدى يوم {date}.',
        en: 'The forum takes place on {date}.',
      },
      { fr: 'Le forum approche.', ar: 'موعد المنتدى يقترب.', en: 'The forum is coming up.' },
    ],
  },
};
