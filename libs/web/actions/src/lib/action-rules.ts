import { subject } from '@casl/ability';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES_NEEDING_REASON,
  ACTION_TRANSITIONS,
  type ActionPriority,
  type ActionStatus,
  type AppAbility,
} from '@convergence/shared/domain';
import type { BadgeTone } from '@convergence/web/ui';
import type { ActionFilter } from './data-access/generated';

/** The board's columns, in workflow order; CANCELLED is shown only on request (`?cancelled=true`). */
export const BOARD_STATUSES: readonly ActionStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'];
export const CANCELLED_STATUS: ActionStatus = 'CANCELLED';

/** The board's filters as they stand in the URL query params (a bookmarkable, shareable link). */
export interface BoardParams {
  readonly territory?: string | null;
  readonly overdue?: string | null;
  readonly responsible?: string | null;
  readonly priority?: string | null;
  readonly forum?: string | null;
  readonly cancelled?: string | null;
}

export type BoardParamName = keyof BoardParams;

export function isPriority(value: string | null | undefined): value is ActionPriority {
  return (ACTION_PRIORITIES as readonly string[]).includes(value ?? '');
}

/** The api's ActionFilter for the URL's filters; unknown or empty values filter nothing. */
export function actionFilterOf(params: BoardParams): ActionFilter {
  const filter: { -readonly [K in keyof ActionFilter]: ActionFilter[K] } = {};
  if (params.territory) filter.territoryCode = params.territory;
  // `overdue: false` would mean "none of the overdue ones": the URL only ever asks for them.
  if (params.overdue === 'true') filter.overdue = true;
  if (params.responsible) filter.responsibleOrganizationId = params.responsible;
  if (isPriority(params.priority)) filter.priority = [params.priority];
  if (params.forum) filter.forumId = params.forum;
  if (params.cancelled !== 'true') filter.status = [...BOARD_STATUSES];
  return filter;
}

/** Whether any filter narrows the board (CANCELLED shown or not is a view choice, not a filter). */
export function hasActiveFilter(params: BoardParams): boolean {
  return (
    !!params.territory ||
    params.overdue === 'true' ||
    !!params.responsible ||
    isPriority(params.priority) ||
    !!params.forum
  );
}

/** What the signed-in user may do to one action's status (the server decides anyway). */
export interface StatusRights {
  /** The responsible organisation's users move its status (`report`). */
  readonly report: boolean;
  /** The ministry and admins change its terms, cancelling included (`update`). */
  readonly update: boolean;
}

export function statusRightsOf(ability: AppAbility, responsibleOrganizationId: string): StatusRights {
  const row = () => subject('Action', { responsibleOrganizationId });
  return { report: ability.can('report', row()), update: ability.can('update', row()) };
}

/**
 * The statuses the user may move an action to from `from` (ACTION_TRANSITIONS); cancelling is for
 * those who may `update` the action, as the api decides.
 */
export function statusTargets(from: ActionStatus, rights: StatusRights): ActionStatus[] {
  if (!rights.report && !rights.update) return [];
  return ACTION_TRANSITIONS[from].filter((to) => to !== CANCELLED_STATUS || rights.update);
}

export function needsReason(status: ActionStatus | '' | null | undefined): boolean {
  return (ACTION_STATUSES_NEEDING_REASON as readonly string[]).includes(status ?? '');
}

export function priorityTone(priority: ActionPriority): BadgeTone {
  switch (priority) {
    case 'CRITICAL':
      return 'danger';
    case 'HIGH':
      return 'warning';
    case 'MEDIUM':
      return 'info';
    default:
      return 'neutral';
  }
}

export function statusTone(status: ActionStatus): BadgeTone {
  switch (status) {
    case 'DONE':
      return 'success';
    case 'BLOCKED':
      return 'warning';
    case 'IN_PROGRESS':
      return 'info';
    default:
      return 'neutral';
  }
}
