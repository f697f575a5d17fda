import type { SubjectType } from '@convergence/shared/domain';
import type { EntityManager } from 'typeorm';
import { AuditEventEntity, type AuditAction, type AuditChanges } from './audit-event.entity';

/** Dates as ISO strings so that a before/after pair compares and reads the same in JSON. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/**
 * The fields that differ between two versions of a row, limited to `fields` (so that bookkeeping
 * columns such as `version` and `updatedAt` stay out of the trail). `before` absent: a creation,
 * every field is new; `after` absent: a deletion.
 */
export function changedFields<Row extends object>(
  fields: readonly (keyof Row & string)[],
  before: Partial<Row> | null,
  after: Partial<Row> | null,
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const was = comparable(before?.[field]);
    const now = comparable(after?.[field]);
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[field] = [was, now];
  }
  return changes;
}

export interface AuditRecord<Row extends object> {
  actorUserId: string | null;
  operation: string;
  subjectType: SubjectType;
  subjectId: string;
  /** The audited fields of the subject. */
  fields: readonly (keyof Row & string)[];
  before: Partial<Row> | null;
  after: Partial<Row> | null;
}

/**
 * Writes one audit event with `manager`, which must be the transaction of the change, so that the
 * change and its trace commit or roll back together. Nothing is written when nothing changed.
 */
export async function recordAudit<Row extends object>(
  manager: EntityManager,
  record: AuditRecord<Row>,
): Promise<void> {
  const changes = changedFields(record.fields, record.before, record.after);
  if (Object.keys(changes).length === 0) return;
  const action: AuditAction = record.before === null ? 'CREATE' : record.after === null ? 'DELETE' : 'UPDATE';
  // A plain object literal typed as the entity: TypeORM's deep-partial type cannot describe a jsonb map.
  const event: Omit<AuditEventEntity, 'id' | 'at'> = {
    actorUserId: record.actorUserId,
    action,
    operation: record.operation,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    changes,
  };
  await manager.insert(AuditEventEntity, event as never);
}
