import { TODAY_SQL } from '@convergence/server/core';
import { OPEN_ACTION_STATUSES } from '@convergence/shared/domain';

const OPEN_STATUSES_SQL = OPEN_ACTION_STATUSES.map((status) => `'${status}'`).join(', ');

/** "Overdue" (PRODUCT.md): the due date has passed in Morocco and the action is not done or cancelled. */
export function actionOverdueSql(alias: string, today = TODAY_SQL): string {
  return `(${alias}.status IN (${OPEN_STATUSES_SQL}) AND ${alias}.due_date < ${today})`;
}
