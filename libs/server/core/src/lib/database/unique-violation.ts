import { QueryFailedError } from 'typeorm';
import { BadUserInputError, type FieldProblem } from '../graphql/domain-errors';

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * A write that lost a race on a unique index (checked first, inserted by someone else meanwhile) is
 * the same BAD_USER_INPUT as when the check catches it: `write.catch(uniqueViolationAs(index, problem))`.
 * Any other error is rethrown as it is.
 */
export function uniqueViolationAs(constraint: string, problem: FieldProblem): (error: unknown) => never {
  return (error) => {
    const driverError =
      error instanceof QueryFailedError
        ? (error.driverError as { code?: string; constraint?: string })
        : null;
    if (driverError?.code === UNIQUE_VIOLATION && driverError.constraint === constraint)
      throw new BadUserInputError([problem]);
    throw error;
  };
}
