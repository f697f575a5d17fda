import { TODAY_SQL } from '@convergence/server/core';

/**
 * Health of a project (ADR 0008), one rule in one place: the PostgreSQL function `project_health`
 * created by the migration AddConvergenceCore. Lists filter and sort on it, the dashboard counts
 * with it and the entity reads it, so that they always agree. `today` is Morocco's calendar day.
 */
export function projectHealthSql(alias: string, today = TODAY_SQL): string {
  return `project_health(${alias}.status, ${alias}.physical_progress, ${alias}.budget, ${alias}.spent_amount, ${alias}.start_date, ${alias}.planned_end_date, ${alias}.last_reported_at, ${alias}.created_at, ${today})`;
}
