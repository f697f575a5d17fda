import { BadUserInputError, type FieldProblem } from '@convergence/server/core';
import { QueryFailedError } from 'typeorm';

/** A reference to something that does not exist or that the writer may not read: the same answer. */
export function unknownReference(field: string, subjectName: string): FieldProblem {
  return { field, key: 'validation.unknownReference', params: { subject: subjectName } };
}

/**
 * A write that lost a race on a unique index (checked first, inserted by someone else meanwhile) is
 * the same BAD_USER_INPUT as when the check catches it.
 */
export function uniqueViolationAs(constraint: string, problem: FieldProblem): (error: unknown) => never {
  return (error) => {
    const driverError =
      error instanceof QueryFailedError
        ? (error.driverError as { code?: string; constraint?: string })
        : null;
    if (driverError?.code === '23505' && driverError.constraint === constraint)
      throw new BadUserInputError([problem]);
    throw error;
  };
}
