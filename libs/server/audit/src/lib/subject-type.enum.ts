import { registerStringEnum } from '@convergence/server/core';
import { SUBJECT_TYPES } from '@convergence/shared/domain';

/** `SubjectType` of API.md: what an audit trail, a comment thread or a follow is about. */
export const SubjectTypeEnum = registerStringEnum(
  SUBJECT_TYPES,
  'SubjectType',
  'Something people audit, discuss and follow.',
);
