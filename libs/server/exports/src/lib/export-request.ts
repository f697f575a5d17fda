import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { BadUserInputError, fieldProblems } from '@convergence/server/core';

/**
 * The query string of an export: `filter` and `orderBy` as JSON, in the shapes of the GraphQL list's
 * arguments, validated by the same class-validator rules (so bad input reads the same in both).
 */
export async function exportArguments<Args extends object>(
  argsClass: new () => Args,
  query: Record<string, unknown>,
): Promise<Args> {
  const plain: Record<string, unknown> = {};
  for (const name of ['filter', 'orderBy'] as const) {
    const raw = query[name];
    if (raw === undefined) continue;
    try {
      if (typeof raw !== 'string') throw new TypeError(name);
      plain[name] = JSON.parse(raw);
    } catch {
      throw new BadUserInputError([{ field: name, key: 'validation.invalid' }]);
    }
  }
  const args = plainToInstance(argsClass, plain);
  const errors = await validate(args, {
    forbidUnknownValues: true,
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  if (errors.length) throw new BadUserInputError(fieldProblems(errors));
  return args;
}
