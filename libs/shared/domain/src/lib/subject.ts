/** The things people discuss, follow and audit (API.md, `SubjectType`). */
export const SUBJECT_TYPES = ['PROJECT', 'COMMITMENT', 'ACTION', 'FORUM', 'CONVENTION'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** The permission subject (and GraphQL type) of each subject type. */
export const SUBJECT_NAME_OF_TYPE = {
  PROJECT: 'Project',
  COMMITMENT: 'Commitment',
  ACTION: 'Action',
  FORUM: 'Forum',
  CONVENTION: 'Convention',
} as const satisfies Record<SubjectType, string>;
