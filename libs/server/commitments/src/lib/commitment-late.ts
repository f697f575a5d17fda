import { TODAY_SQL } from '@convergence/server/core';
import { OPEN_COMMITMENT_STATUSES } from '@convergence/shared/domain';

const OPEN_STATUSES_SQL = OPEN_COMMITMENT_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * "Late" (PRODUCT.md): the due date has passed (in Morocco) and the committing organisation still
 * owes it. One SQL expression for lists, filters, counts, the scorecard and the entity.
 */
export function commitmentLateSql(alias: string, today = TODAY_SQL): string {
  return `(${alias}.status IN (${OPEN_STATUSES_SQL}) AND ${alias}.due_date < ${today})`;
}
