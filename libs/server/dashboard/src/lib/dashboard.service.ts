import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActionEntity, actionOverdueSql } from '@convergence/server/actions';
import {
  CommitmentEntity,
  commitmentLateSql,
  whereCommitmentInTerritory,
} from '@convergence/server/commitments';
import { accessibleBy, BUSINESS_TIME_ZONE, NotFoundError, TODAY_SQL } from '@convergence/server/core';
import { ProjectEntity, projectHealthSql } from '@convergence/server/projects';
import {
  TerritoryService,
  whereTerritoryInSubtree,
  type TerritoryEntity,
  type TerritorySubtree,
} from '@convergence/server/territories';
import {
  HEALTHS,
  PROJECT_STATUSES,
  type AppAbility,
  type CommitmentStatus,
  type Health,
  type OrganizationKind,
  type ProjectStatus,
} from '@convergence/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { CommuneFiguresModel, DashboardModel, YearInvestmentModel } from './dashboard.model';
import type { PartnerScoreModel } from './partner-score.model';

/** A sum of money or hectares, exact, with its two decimals even when there is nothing to add up. */
const exactSum = (column: string) => `round(coalesce(sum(${column}), 0), 2)`;
/**
 * A sum of integer counts: PostgreSQL sums `integer` as `bigint` (no overflow), returned as float8, the
 * JavaScript number of the `Float` fields, exact for any whole number below 2^53.
 */
const countSum = (column: string) => `coalesce(sum(${column}), 0)::float8`;
const quoted = (values: readonly CommitmentStatus[]) => values.map((value) => `'${value}'`).join(', ');

const FULFILLED_SQL = `commitment.status IN (${quoted(['FULFILLED', 'PARTIALLY_FULFILLED'])})`;
const LATE_SQL = commitmentLateSql('commitment');
const LATE_COUNT_SQL = `count(*) FILTER (WHERE ${LATE_SQL})`;
/** Days past the due date: of the fulfilment for one fulfilled late, of today for one still late. */
const DELAY_DAYS_SQL = `CASE
  WHEN ${FULFILLED_SQL} AND commitment.fulfilled_on > commitment.due_date THEN commitment.fulfilled_on - commitment.due_date
  WHEN ${LATE_SQL} THEN ${TODAY_SQL} - commitment.due_date
END`;

interface ScoreRow {
  organizationId: string;
  organizationName: string;
  organizationAcronym: string | null;
  organizationKind: OrganizationKind;
  organizationTerritoryCode: string | null;
  organizationVersion: number;
  commitmentCount: number;
  fulfilledCount: number;
  lateCount: number;
  onTimeRate: number | null;
  averageDelayDays: number | null;
  committedAmount: string;
  fulfilledAmount: string;
  lastUpdateAt: Date;
}

/** The dashboard's project totals, field → SQL aggregate over the readable projects of the territory. */
const PROJECT_TOTALS = {
  projectCount: 'count(*)::int',
  investmentCommitted: exactSum('project.budget'),
  investmentRealised: exactSum('project.spent_amount'),
  housingUnitsPlanned: countSum('project.housing_units_planned'),
  housingUnitsDelivered: countSum('project.housing_units_delivered'),
  householdsTargeted: countSum('project.households_targeted'),
  householdsRelocated: countSum('project.households_relocated'),
  hectares: exactSum('project.hectares'),
} as const;
type ProjectTotals = Pick<DashboardModel, keyof typeof PROJECT_TOTALS>;
type ProjectFigures = ProjectTotals & Pick<DashboardModel, 'projectsByStatus' | 'projectsByHealth'>;
type ProjectCountsRow = Record<`status_${ProjectStatus}` | `health_${Health}`, number>;

/**
 * The scorecard and the dashboard: aggregates in SQL over exactly the rows the reader may read
 * (`accessibleBy`, the same rules as the lists) within a territory subtree, with the lists' own
 * rules for late, overdue and health, so that every figure equals what a list shows.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly territories: TerritoryService,
  ) {}

  /** `territoryCode` null: everything the reader may read. */
  async partnerScorecard(ability: AppAbility, territoryCode: string | null): Promise<PartnerScoreModel[]> {
    return this.scorecard(this.dataSource.manager, ability, await this.territory(territoryCode));
  }

  /**
   * Every figure from one snapshot (REPEATABLE READ), so that the per-commune figures add up to the
   * totals and the late count to the scorecard's even while others write. A constant number of
   * statements, whatever the territory.
   */
  async dashboard(ability: AppAbility, territoryCode: string | null): Promise<DashboardModel> {
    const territory = await this.territory(territoryCode);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const projects = await this.projectFigures(manager, ability, territory);
      const byCommune = await this.projectsByCommune(manager, ability, territory);
      const scorecard = await this.scorecard(manager, ability, territory);
      const overdueActionCount = await this.overdueActionCount(manager, ability, territory);
      const investmentByYear = await this.investmentByYear(manager, ability, territory);
      return {
        territoryCode: territory?.code ?? null,
        ...projects,
        lateCommitmentCount: scorecard.reduce((sum, score) => sum + score.lateCount, 0),
        overdueActionCount,
        scorecard,
        byCommune,
        investmentByYear,
      };
    });
  }

  /** The territory to filter on (an unknown code is NOT_FOUND, as for the lists); null: no territory filter. */
  private async territory(code: string | null): Promise<TerritoryEntity | null> {
    if (code === null) return null;
    const territory = await this.territories.findByCode(code);
    if (!territory) throw new NotFoundError('Territory', 'error.unknownTerritory', { code });
    return territory;
  }

  private readableProjects(manager: EntityManager, ability: AppAbility, territory: TerritoryEntity | null) {
    const query = manager.getRepository(ProjectEntity).createQueryBuilder('project');
    accessibleBy(query, ability, 'read', 'Project');
    if (territory !== null) whereTerritoryInSubtree(query, 'project.commune_code', subtreeOf(territory));
    return query;
  }

  private async projectFigures(
    manager: EntityManager,
    ability: AppAbility,
    territory: TerritoryEntity | null,
  ): Promise<ProjectFigures> {
    const query = this.readableProjects(manager, ability, territory).select([]);
    for (const [field, sql] of Object.entries(PROJECT_TOTALS)) query.addSelect(sql, field);
    for (const status of PROJECT_STATUSES) {
      query.addSelect(`count(*) FILTER (WHERE project.status = '${status}')::int`, `status_${status}`);
    }
    const health = projectHealthSql('project');
    for (const value of HEALTHS) {
      query.addSelect(`count(*) FILTER (WHERE ${health} = '${value}')::int`, `health_${value}`);
    }
    // An aggregate without GROUP BY always returns one row.
    const row = (await query.getRawOne<ProjectTotals & ProjectCountsRow>()) as ProjectTotals &
      ProjectCountsRow;
    const totals = Object.fromEntries(
      Object.keys(PROJECT_TOTALS).map((field) => [field, row[field as keyof ProjectTotals]]),
    );
    return {
      ...(totals as ProjectTotals),
      projectsByStatus: PROJECT_STATUSES.map((status) => ({ status, count: row[`status_${status}`] })),
      projectsByHealth: HEALTHS.map((value) => ({ health: value, count: row[`health_${value}`] })),
    };
  }

  private projectsByCommune(
    manager: EntityManager,
    ability: AppAbility,
    territory: TerritoryEntity | null,
  ): Promise<CommuneFiguresModel[]> {
    return this.readableProjects(manager, ability, territory)
      .select('project.commune_code', 'communeCode')
      .addSelect('count(*)::int', 'projectCount')
      .addSelect(exactSum('project.budget'), 'investment')
      .groupBy('project.commune_code')
      .orderBy('project.commune_code')
      .getRawMany<CommuneFiguresModel>();
  }

  /**
   * Investment over time, cumulative, in ONE statement over the readable projects (the same query as
   * the totals, as a CTE). Year Y: `committed` adds the budgets of the projects started by the end of
   * Y (start date, else the day the project was recorded); `realised` adds, per project, the amount
   * spent in its last progress report filed by the end of Y (Morocco time; spent amounts in the
   * journal are running totals, so a project that did not report in Y keeps its earlier figure).
   * The years run without gaps from the first start or report to this year (or the latest start).
   */
  private async investmentByYear(
    manager: EntityManager,
    ability: AppAbility,
    territory: TerritoryEntity | null,
  ): Promise<YearInvestmentModel[]> {
    const [readableSql, parameters] = this.readableProjects(manager, ability, territory)
      .select('project.id', 'id')
      .addSelect('project.budget', 'budget')
      .addSelect(
        `extract(year FROM coalesce(project.start_date, ${localDate('project.created_at')}))::int`,
        'start_year',
      )
      .getQueryAndParameters();
    const rows: YearInvestmentModel[] = await manager.query(
      `WITH readable AS (${readableSql}),
      yearly_report AS (
        SELECT DISTINCT ON (report.project_id, year) report.project_id, report.spent_amount,
               extract(year FROM ${localDate('report.reported_at')})::int AS year
        FROM project_progress_report report JOIN readable ON readable.id = report.project_id
        ORDER BY report.project_id, year, report.reported_at DESC, report.id DESC
      ),
      years AS (
        SELECT generate_series(
          least((SELECT min(start_year) FROM readable), (SELECT min(year) FROM yearly_report)),
          greatest((SELECT max(start_year) FROM readable), extract(year FROM ${TODAY_SQL})::int)
        ) AS year
        WHERE EXISTS (SELECT 1 FROM readable)
      )
      SELECT years.year,
        (SELECT ${exactSum('readable.budget')} FROM readable WHERE readable.start_year <= years.year) AS committed,
        (SELECT ${exactSum('latest.spent_amount')} FROM (
          SELECT DISTINCT ON (yearly_report.project_id) yearly_report.spent_amount
          FROM yearly_report WHERE yearly_report.year <= years.year
          ORDER BY yearly_report.project_id, yearly_report.year DESC
        ) latest) AS realised
      FROM years ORDER BY years.year`,
      parameters,
    );
    return rows;
  }

  /** One row per committing organisation, in ONE aggregate; the definitions are those of the README. */
  private async scorecard(
    manager: EntityManager,
    ability: AppAbility,
    territory: TerritoryEntity | null,
  ): Promise<PartnerScoreModel[]> {
    const query = manager
      .getRepository(CommitmentEntity)
      .createQueryBuilder('commitment')
      .innerJoin('commitment.organization', 'organization');
    accessibleBy(query, ability, 'read', 'Commitment');
    if (territory !== null) whereCommitmentInTerritory(query, territory);
    const rows = await query
      .select('organization.id', 'organizationId')
      .addSelect('organization.name', 'organizationName')
      .addSelect('organization.acronym', 'organizationAcronym')
      .addSelect('organization.kind', 'organizationKind')
      .addSelect('organization.territory_code', 'organizationTerritoryCode')
      .addSelect('organization.version', 'organizationVersion')
      .addSelect('count(*)::int', 'commitmentCount')
      .addSelect(`count(*) FILTER (WHERE ${FULFILLED_SQL})::int`, 'fulfilledCount')
      .addSelect(`${LATE_COUNT_SQL}::int`, 'lateCount')
      // Fulfilled and late are disjoint (late ones are still open), so this denominator is their sum.
      .addSelect(
        `(count(*) FILTER (WHERE ${FULFILLED_SQL} AND commitment.fulfilled_on <= commitment.due_date))::float8
          / NULLIF(count(*) FILTER (WHERE ${FULFILLED_SQL} OR ${LATE_SQL}), 0)`,
        'onTimeRate',
      )
      .addSelect(`avg(${DELAY_DAYS_SQL})::float8`, 'averageDelayDays')
      .addSelect(
        `round(coalesce(sum(commitment.amount) FILTER (WHERE commitment.status <> 'CANCELLED'), 0), 2)`,
        'committedAmount',
      )
      .addSelect(exactSum('commitment.fulfilled_amount'), 'fulfilledAmount')
      .addSelect('max(commitment.updated_at)', 'lastUpdateAt')
      .groupBy('organization.id')
      .orderBy(LATE_COUNT_SQL, 'DESC')
      .addOrderBy('organization.name')
      .addOrderBy('organization.id')
      .getRawMany<ScoreRow>();
    return rows.map(toPartnerScore);
  }

  private async overdueActionCount(
    manager: EntityManager,
    ability: AppAbility,
    territory: TerritoryEntity | null,
  ): Promise<number> {
    const query = manager.getRepository(ActionEntity).createQueryBuilder('action');
    accessibleBy(query, ability, 'read', 'Action');
    if (territory !== null) whereTerritoryInSubtree(query, 'action.territory_code', subtreeOf(territory));
    const row = await query
      .select(`count(*) FILTER (WHERE ${actionOverdueSql('action')})::int`, 'count')
      .getRawOne<{ count: number }>();
    return row?.count ?? 0;
  }
}

/** The calendar day in Morocco of a `timestamptz` column. */
function localDate(column: string): string {
  return `(${column} AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date`;
}

/** The territory and everything under it, as the lists filter on `territoryCode`. */
function subtreeOf(territory: TerritoryEntity): TerritorySubtree {
  return { code: territory.code, pathPattern: `${territory.path}%` };
}

function toPartnerScore(row: ScoreRow): PartnerScoreModel {
  return {
    organization: {
      id: row.organizationId,
      name: row.organizationName,
      acronym: row.organizationAcronym,
      kind: row.organizationKind,
      version: row.organizationVersion,
      territoryCode: row.organizationTerritoryCode,
    },
    commitmentCount: row.commitmentCount,
    fulfilledCount: row.fulfilledCount,
    onTimeRate: row.onTimeRate,
    lateCount: row.lateCount,
    averageDelayDays: row.averageDelayDays,
    committedAmount: row.committedAmount,
    fulfilledAmount: row.fulfilledAmount,
    lastUpdateAt: row.lastUpdateAt,
  };
}
