import type {
  ActionPriority,
  ActionStatus,
  CommitmentStatus,
  NotificationType,
  ProjectStatus,
  ReasonCode,
  SubjectType,
} from '@convergence/shared/domain';
import type { EntityManager } from 'typeorm';
import { publishEvent } from './publish-event';

/**
 * The payload of each event of a change made by a user to a project, commitment, action or forum,
 * beside `subjectTitle` which they all carry: enough to write the message without another query,
 * even after the subject has changed again. Dates are calendar days (YYYY-MM-DD), amounts and
 * quantities exact decimal strings, progress a percentage.
 */
export interface ChangePayloads {
  PROJECT_STATUS_CHANGED: { from: ProjectStatus; to: ProjectStatus; reasonCode?: ReasonCode };
  PROJECT_PROGRESS_REPORTED: { physicalProgress: number; previousProgress: number };
  COMMITMENT_DECLARED: { organizationId: string; amount?: string; quantity?: string; complete: boolean };
  COMMITMENT_VERIFIED: { status: CommitmentStatus };
  COMMITMENT_SENT_BACK: { note: string };
  COMMITMENT_DUE_DATE_MOVED: { from: string; to: string; reasonCode: ReasonCode };
  ACTION_ASSIGNED: { responsibleOrganizationId: string; dueDate: string; priority: ActionPriority };
  ACTION_STATUS_CHANGED: { from: ActionStatus; to: ActionStatus; reasonCode?: ReasonCode };
  /** The definition changed: which fields, with the new due date and priority when they moved. */
  ACTION_UPDATED: { changedFields: string[]; dueDate?: string; priority?: ActionPriority };
  FORUM_SCHEDULED: { heldOn: string; place: string };
}
export type ChangeType = keyof ChangePayloads & NotificationType;

/** The kind of subject each change is about. */
const SUBJECT_TYPE_OF: Record<ChangeType, SubjectType> = {
  PROJECT_STATUS_CHANGED: 'PROJECT',
  PROJECT_PROGRESS_REPORTED: 'PROJECT',
  COMMITMENT_DECLARED: 'COMMITMENT',
  COMMITMENT_VERIFIED: 'COMMITMENT',
  COMMITMENT_SENT_BACK: 'COMMITMENT',
  COMMITMENT_DUE_DATE_MOVED: 'COMMITMENT',
  ACTION_ASSIGNED: 'ACTION',
  ACTION_STATUS_CHANGED: 'ACTION',
  ACTION_UPDATED: 'ACTION',
  FORUM_SCHEDULED: 'FORUM',
};

/** What a writer passes: an optional value may be given as null, and is then left out. */
type GivenChanges<P> = { [K in keyof P]: undefined extends P[K] ? P[K] | null : P[K] };

/**
 * Records the event of a change `actorUserId` made to `subject` (as it is after the change), with
 * `manager`, the change's own transaction: both commit or roll back together.
 */
export function publishChange<T extends ChangeType>(
  manager: EntityManager,
  actorUserId: string,
  type: T,
  subject: { id: string; title: string },
  changes: GivenChanges<ChangePayloads[T]>,
): Promise<boolean> {
  const known = Object.entries(changes).filter(([, value]) => value !== null && value !== undefined);
  return publishEvent(manager, {
    type,
    subjectType: SUBJECT_TYPE_OF[type],
    subjectId: subject.id,
    actorUserId,
    payload: { subjectTitle: subject.title, ...Object.fromEntries(known) },
  });
}
