import type { SubjectType } from '@convergence/shared/domain';

const SUBJECT_PATHS = {
  PROJECT: 'projects',
  COMMITMENT: 'commitments',
  ACTION: 'actions',
  FORUM: 'forums',
  CONVENTION: 'conventions',
} as const satisfies Record<SubjectType, string>;

/** The web page of a subject, where its discussion is too (`publicUrl` without a trailing slash). */
export function subjectLink(publicUrl: string, subjectType: SubjectType, subjectId: string): string {
  return `${publicUrl}/${SUBJECT_PATHS[subjectType]}/${encodeURIComponent(subjectId)}`;
}

/** The notification centre, where preferences are changed. */
export function preferencesLink(publicUrl: string): string {
  return `${publicUrl}/notifications`;
}
