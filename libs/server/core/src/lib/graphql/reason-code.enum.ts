import { REASON_CODES } from '@convergence/shared/domain';
import { registerStringEnum } from './string-enum';

/**
 * The GraphQL `ReasonCode` enum, registered once here because projects, commitments and actions
 * all take one (a second registration under the same name would break the schema).
 */
export const ReasonCodeEnum = registerStringEnum(
  REASON_CODES,
  'ReasonCode',
  'Why a date slips, or a project, commitment or action is suspended, blocked or cancelled.',
);
