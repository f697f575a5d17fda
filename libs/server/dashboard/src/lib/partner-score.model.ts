import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '@convergence/server/core';
import { OrganizationModel } from '@convergence/server/organizations';

/** The definitions below are those of libs/server/dashboard/README.md. */
@ObjectType('PartnerScore', {
  description:
    'How one committing organisation keeps its commitments, over the commitments you may read in the territory.',
})
export class PartnerScoreModel {
  @Field(() => OrganizationModel, { description: 'The committing organisation.' })
  organization!: OrganizationModel;

  @Field(() => Int, { description: 'Its commitments, whatever their status (cancelled ones included).' })
  commitmentCount!: number;

  @Field(() => Int, { description: 'FULFILLED or PARTIALLY_FULFILLED (accepted by the ministry).' })
  fulfilledCount!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Fulfilled by their due date (fulfilment declared on or before it) ÷ (fulfilled + late), 0 to 1; null when both are 0.',
  })
  onTimeRate!: number | null;

  @Field(() => Int, {
    description: 'Late: due date passed (Morocco) and still PLANNED or IN_PROGRESS, as the `late` filter.',
  })
  lateCount!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean delay in days over commitments fulfilled after their due date (fulfilment day − due date) and late ones (today − due date); null when none.',
  })
  averageDelayDays!: number | null;

  @Field(() => DecimalScalar, { description: 'Sum of the amounts promised in MAD, cancelled ones excluded.' })
  committedAmount!: string;

  @Field(() => DecimalScalar, {
    description: 'Sum of the amounts the ministry accepted as fulfilled, in MAD.',
  })
  fulfilledAmount!: string;

  @Field({ description: 'When one of its commitments last changed.' })
  lastUpdateAt!: Date;
}
