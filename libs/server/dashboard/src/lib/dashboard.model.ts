import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '@convergence/server/core';
import { HealthEnum, ProjectStatusEnum } from '@convergence/server/projects';
import type { Health, ProjectStatus } from '@convergence/shared/domain';
import { PartnerScoreModel } from './partner-score.model';

/**
 * A sum of counts over many projects can pass the 32-bit GraphQL `Int`, so it is a `Float` that
 * always holds a whole number (exact up to 2^53).
 */
const wholeSumDescription = (what: string) =>
  `Sum of the projects' ${what}: a whole number, typed Float because it may exceed a 32-bit Int.`;

@ObjectType('ProjectStatusCount')
export class ProjectStatusCountModel {
  @Field(() => ProjectStatusEnum)
  status!: ProjectStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ProjectHealthCount')
export class ProjectHealthCountModel {
  @Field(() => HealthEnum)
  health!: Health;

  @Field(() => Int)
  count!: number;
}

@ObjectType('CommuneFigures', { description: 'The projects of one commune, for the map.' })
export class CommuneFiguresModel {
  @Field(() => Int)
  projectCount!: number;

  @Field(() => DecimalScalar, { description: 'Sum of their budgets, in MAD.' })
  investment!: string;

  /** Resolved by the `territory` field. */
  communeCode!: string;
}

@ObjectType('YearInvestment', {
  description:
    'Investment at the end of one year, cumulative: what was committed to the projects started by then and what they had spent.',
})
export class YearInvestmentModel {
  @Field(() => Int)
  year!: number;

  @Field(() => DecimalScalar, {
    description:
      'Sum of the budgets (MAD) of the projects started in or before this year (start date, else the day the project was recorded).',
  })
  committed!: string;

  @Field(() => DecimalScalar, {
    description:
      'Sum, over the projects, of the amount spent (MAD) in their last progress report filed in or before this year (Morocco time).',
  })
  realised!: string;
}

@ObjectType('Dashboard', {
  description:
    'The picture of a territory, computed over what you may read there: a territory outside your scope shows zeros.',
})
export class DashboardModel {
  @Field(() => Int)
  projectCount!: number;

  @Field(() => DecimalScalar, { description: 'Sum of the project budgets, in MAD.' })
  investmentCommitted!: string;

  @Field(() => DecimalScalar, { description: 'Sum of the amounts spent on the projects, in MAD.' })
  investmentRealised!: string;

  @Field(() => Float, { description: wholeSumDescription('housing units planned') })
  housingUnitsPlanned!: number;

  @Field(() => Float, { description: wholeSumDescription('housing units delivered') })
  housingUnitsDelivered!: number;

  @Field(() => Float, { description: wholeSumDescription('households targeted') })
  householdsTargeted!: number;

  @Field(() => Float, { description: wholeSumDescription('households relocated') })
  householdsRelocated!: number;

  @Field(() => DecimalScalar, { description: 'Hectares developed by the projects.' })
  hectares!: string;

  @Field(() => [ProjectStatusCountModel], {
    description: 'Every status, in lifecycle order, zeros included.',
  })
  projectsByStatus!: ProjectStatusCountModel[];

  @Field(() => [ProjectHealthCountModel], {
    description: 'Every health, zeros included; delivered and cancelled projects have none.',
  })
  projectsByHealth!: ProjectHealthCountModel[];

  @Field(() => Int, { description: 'Late commitments: the sum of the scorecard’s lateCount.' })
  lateCommitmentCount!: number;

  @Field(() => Int, {
    description: 'Actions in the territory past their due date and not done or cancelled.',
  })
  overdueActionCount!: number;

  @Field(() => [PartnerScoreModel])
  scorecard!: PartnerScoreModel[];

  @Field(() => [CommuneFiguresModel], {
    description: 'One entry per commune with at least one project you may read; they add up to the totals.',
  })
  byCommune!: CommuneFiguresModel[];

  @Field(() => [YearInvestmentModel], {
    description:
      'Investment over time, cumulative, one entry per year from the first start or report to this year (or the latest start), over the same projects as the totals. Empty without projects.',
  })
  investmentByYear!: YearInvestmentModel[];

  /** Resolved by the `territory` field; null: all of Morocco. */
  territoryCode!: string | null;
}
