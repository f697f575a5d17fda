/**
 * What people are told about (PRODUCT.md, "What gets notified"). Each outbox event has one of these
 * types; a notification repeats its event's type for one recipient.
 */
export const NOTIFICATION_TYPES = [
  // changes people make
  'PROJECT_STATUS_CHANGED',
  'PROJECT_PROGRESS_REPORTED',
  'COMMITMENT_DECLARED',
  'COMMITMENT_VERIFIED',
  'COMMITMENT_SENT_BACK',
  'COMMITMENT_DUE_DATE_MOVED',
  'ACTION_ASSIGNED',
  'ACTION_STATUS_CHANGED',
  'ACTION_UPDATED',
  'COMMENT_ADDED',
  'COMMENT_REPLY',
  'MENTION',
  'QUESTION_ASKED',
  'FORUM_SCHEDULED',
  // found by the scheduled scans (the escalation ladder and reminders)
  'COMMITMENT_DUE_SOON',
  'COMMITMENT_OVERDUE',
  'COMMITMENT_ESCALATED',
  'ACTION_OVERDUE',
  'PROJECT_STALE',
  'QUESTION_UNANSWERED',
  'FORUM_REMINDER',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** How a channel delivers a type: at once, grouped in a daily or weekly digest, or not at all. */
export const DELIVERY_MODES = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'OFF'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Types that call for someone's attention now: e-mailed immediately unless the user says otherwise. */
const URGENT_TYPES: readonly NotificationType[] = [
  'MENTION',
  'QUESTION_ASKED',
  'QUESTION_UNANSWERED',
  'COMMITMENT_ESCALATED',
  'COMMITMENT_OVERDUE',
];

/** Defaults (issue #4): in-app always; e-mail immediately for the urgent types, else the daily digest. */
export function defaultDeliveryMode(type: NotificationType, channel: NotificationChannel): DeliveryMode {
  if (channel === 'IN_APP') return 'IMMEDIATE';
  return URGENT_TYPES.includes(type) ? 'IMMEDIATE' : 'DAILY';
}

/** The escalation ladder of a commitment (issue #4): days before (negative) or after its due date. */
export const COMMITMENT_LADDER = [
  { offsetDays: -30, type: 'COMMITMENT_DUE_SOON', audience: 'COMMITTING_ORGANIZATION' },
  { offsetDays: -7, type: 'COMMITMENT_DUE_SOON', audience: 'COMMITTING_ORGANIZATION' },
  { offsetDays: -1, type: 'COMMITMENT_DUE_SOON', audience: 'COMMITTING_ORGANIZATION' },
  { offsetDays: 1, type: 'COMMITMENT_OVERDUE', audience: 'COMMITTING_ORGANIZATION' },
  { offsetDays: 15, type: 'COMMITMENT_ESCALATED', audience: 'MINISTRY' },
] as const satisfies readonly { offsetDays: number; type: NotificationType; audience: string }[];

/** Beyond this many days late, a commitment is on the ministry's weekly "red list" digest. */
export const RED_LIST_AFTER_DAYS = 30;

/** A formal question to the lead organisation is due within this many days. */
export const QUESTION_ANSWER_DAYS = 7;
