/** Follow-up items decided at a forum (PRODUCT.md, "Action"). */
export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** OPEN → IN_PROGRESS → DONE; BLOCKED (with a reason) and back; CANCELLED (with a reason) is final. */
export const ACTION_TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED'],
  IN_PROGRESS: ['DONE', 'BLOCKED', 'CANCELLED', 'OPEN'],
  BLOCKED: ['OPEN', 'IN_PROGRESS', 'CANCELLED'],
  DONE: ['IN_PROGRESS'],
  CANCELLED: [],
};

/** Statuses that need a reason code when entered. */
export const ACTION_STATUSES_NEEDING_REASON = [
  'BLOCKED',
  'CANCELLED',
] as const satisfies readonly ActionStatus[];

/** Statuses in which an action can be overdue. */
export const OPEN_ACTION_STATUSES = [
  'OPEN',
  'IN_PROGRESS',
  'BLOCKED',
] as const satisfies readonly ActionStatus[];

export const ACTION_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
