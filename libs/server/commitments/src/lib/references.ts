import type { FieldProblem } from '@convergence/server/core';

/** A reference to something that does not exist or that the writer may not read: the same answer. */
export function unknownReference(field: string, subjectName: string): FieldProblem {
  return { field, key: 'validation.unknownReference', params: { subject: subjectName } };
}
