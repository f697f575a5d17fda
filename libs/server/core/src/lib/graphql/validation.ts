import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { isMessageKey, type MessageKey, type MessageParams } from '../i18n/messages';
import { BadUserInputError, type FieldProblem } from './domain-errors';

/**
 * Turns class-validator's findings into BAD_USER_INPUT with one localisable message per field.
 * A constraint's parameters travel in the decorator's `context` (e.g. `MaxLength(120, { context: { max: 120 } })`).
 */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => {
      const key = `validation.${constraint}`;
      return {
        field,
        key: (isMessageKey(key) ? key : 'validation.invalid') as MessageKey,
        params: (error.contexts?.[constraint] ?? {}) as MessageParams,
      };
    });
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * A mutation's fields are named relative to its `input` argument (`title`, `milestones.0.title`),
 * whether it takes `input` alone or with `id` and `version`, so that a form maps errors the same way
 * for every mutation and the services' own checks name fields the same way.
 */
function withoutInputPrefix(problems: FieldProblem[]): FieldProblem[] {
  return problems.map((problem) => ({ ...problem, field: problem.field.replace(/^input\./, '') }));
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadUserInputError(withoutInputPrefix(fieldProblems(errors))),
  });
}
