import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConflictError } from '../graphql/domain-errors';

/**
 * Optimistic concurrency (API.md): writes `changes` only if the row still has the `version` the
 * writer read, in one conditional `UPDATE … WHERE id = $1 AND version = $2` (TypeORM adds
 * `version = version + 1`). No row updated means someone else wrote first: CONFLICT. The caller has
 * already loaded the row in the same transaction, so a missing row was reported as NOT_FOUND before.
 * Returns the row as stored after the write.
 */
export async function updateVersioned<Entity extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  id: string,
  version: number,
  changes: QueryDeepPartialEntity<Entity>,
): Promise<Entity> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set(changes)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (result.affected !== 1) throw new ConflictError();
  return manager.findOneByOrFail(target, { id } as never);
}
