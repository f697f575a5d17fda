import type { NotificationType } from '@convergence/shared/domain';

/**
 * The groups of people an event may be for (PRODUCT.md, "What gets notified"), before the checks
 * every recipient passes (active, not the actor, may read the subject):
 * - FOLLOWERS: who follows the subject (explicitly, or as a user of an involved organisation);
 * - MENTIONED: the users a comment names (`payload.mentionUserIds`);
 * - REPLIED_TO: the author of the comment replied to (`payload.parentAuthorUserId`);
 * - RESPONSIBLE: the users of the organisations that answer for the subject (lead organisation,
 *   committing organisation, responsible organisation);
 * - RESPONSIBLE_MANAGERS: the subsidiary managers among them (a project's lead Al Omrane company);
 * - ASKER: the author of a formal question (`payload.authorUserId`);
 * - MINISTRY: the ministry officials (escalations);
 * - PARTICIPANTS: the users of the organisations taking part (a forum's participants).
 */
export type Audience =
  | 'FOLLOWERS'
  | 'MENTIONED'
  | 'REPLIED_TO'
  | 'RESPONSIBLE'
  | 'RESPONSIBLE_MANAGERS'
  | 'ASKER'
  | 'MINISTRY'
  | 'PARTICIPANTS';

export const AUDIENCES_OF: Record<NotificationType, readonly Audience[]> = {
  PROJECT_STATUS_CHANGED: ['FOLLOWERS'],
  PROJECT_PROGRESS_REPORTED: ['FOLLOWERS'],
  COMMITMENT_DECLARED: ['FOLLOWERS'],
  COMMITMENT_VERIFIED: ['FOLLOWERS'],
  COMMITMENT_SENT_BACK: ['FOLLOWERS'],
  COMMITMENT_DUE_DATE_MOVED: ['FOLLOWERS'],
  ACTION_ASSIGNED: ['RESPONSIBLE'],
  ACTION_STATUS_CHANGED: ['FOLLOWERS'],
  ACTION_UPDATED: ['FOLLOWERS'],
  COMMENT_ADDED: ['FOLLOWERS'],
  COMMENT_REPLY: ['REPLIED_TO'],
  MENTION: ['MENTIONED'],
  QUESTION_ASKED: ['RESPONSIBLE'],
  // Participants follow a forum without asking; a participant who unfollowed it is not told.
  FORUM_SCHEDULED: ['FOLLOWERS'],
  COMMITMENT_DUE_SOON: ['RESPONSIBLE'],
  COMMITMENT_OVERDUE: ['RESPONSIBLE'],
  COMMITMENT_ESCALATED: ['MINISTRY'],
  ACTION_OVERDUE: ['RESPONSIBLE'],
  PROJECT_STALE: ['RESPONSIBLE_MANAGERS'],
  QUESTION_UNANSWERED: ['RESPONSIBLE', 'ASKER'],
  // A reminder of a date they are expected at: every participant, follower or not.
  FORUM_REMINDER: ['PARTICIPANTS'],
};

/**
 * A new comment also produces MENTION and COMMENT_REPLY events for the people it names or answers:
 * those hear about it once, by the more specific message, not a second time as followers.
 */
export const SUPERSEDED_BY_COMMENT_EVENTS: readonly NotificationType[] = ['COMMENT_ADDED'];

/** The user ids a payload names under `key` (a single id or a list), ignoring anything else. */
export function userIdsIn(payload: Record<string, unknown>, key: string): string[] {
  const value = payload[key];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((id): id is string => typeof id === 'string' && UUID.test(id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
