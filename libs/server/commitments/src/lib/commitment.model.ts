import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionOf, DecimalScalar, ReasonCodeEnum, registerStringEnum } from '@convergence/server/core';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  type CommitmentKind,
  type CommitmentStatus,
  type ReasonCode,
} from '@convergence/shared/domain';
import type { CommitmentDueDateChangeEntity } from './commitment-due-date-change.entity';
import type { CommitmentFulfilmentEntity } from './commitment-fulfilment.entity';
import type { CommitmentEntity } from './commitment.entity';

export const CommitmentKindEnum = registerStringEnum(COMMITMENT_KINDS, 'CommitmentKind');
export const CommitmentStatusEnum = registerStringEnum(
  COMMITMENT_STATUSES,
  'CommitmentStatus',
  'PLANNED → IN_PROGRESS → DECLARED (awaiting verification) → FULFILLED or PARTIALLY_FULFILLED; CANCELLED.',
);

@ObjectType('Commitment', {
  description: 'What one organisation promised, by when, and how far it has kept it.',
})
export class CommitmentModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => CommitmentKindEnum)
  kind!: CommitmentKind;

  @Field(() => CommitmentStatusEnum)
  status!: CommitmentStatus;

  @Field({ description: 'Due date passed (in Morocco) while the organisation still owes it.' })
  late!: boolean;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  dueDate!: string;

  @Field({ description: 'The due date agreed first (ISO date); dueDateChanges lists every move.' })
  originalDueDate!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'In MAD; null when it is a quantity.' })
  amount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  quantity!: string | null;

  @Field(() => String, { nullable: true, description: 'What quantity counts: ha, ménages, logements…' })
  quantityUnit!: string | null;

  @Field(() => DecimalScalar, { description: 'Accepted by the ministry so far, in MAD.' })
  fulfilledAmount!: string;

  @Field(() => DecimalScalar, { description: 'Accepted by the ministry so far, in quantityUnit.' })
  fulfilledQuantity!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The day the accepted fulfilment was declared (ISO date): on time when not after dueDate.',
  })
  fulfilledOn!: string | null;

  @Field(() => ReasonCodeEnum, { nullable: true, description: 'Why it was cancelled.' })
  statusReasonCode!: ReasonCode | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled or last sent back.' })
  statusNote!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  /** Sent back with a write, so that a stale one fails with CONFLICT instead of overwriting. */
  @Field(() => Int)
  version!: number;

  /** Resolved by field resolvers through DataLoaders. */
  organizationId!: string;
  projectId!: string | null;
  conventionId!: string | null;
  forumId!: string | null;
  /** The province of its scope, else its region; null when national. */
  territoryCode!: string | null;
}

export const CommitmentConnection = ConnectionOf(CommitmentModel, 'Commitment');

/** What a client may see of a row: the scope columns and the creator stay on the server. */
export function toCommitmentModel(entity: CommitmentEntity): CommitmentModel {
  return {
    id: entity.id,
    title: entity.title,
    description: entity.description,
    kind: entity.kind,
    status: entity.status,
    late: entity.late,
    dueDate: entity.dueDate,
    originalDueDate: entity.originalDueDate,
    amount: entity.amount,
    quantity: entity.quantity,
    quantityUnit: entity.quantityUnit,
    fulfilledAmount: entity.fulfilledAmount,
    fulfilledQuantity: entity.fulfilledQuantity,
    fulfilledOn: entity.fulfilledOn,
    statusReasonCode: entity.statusReasonCode,
    statusNote: entity.statusNote,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
    organizationId: entity.organizationId,
    projectId: entity.projectId,
    conventionId: entity.conventionId,
    forumId: entity.forumId,
    territoryCode: entity.provinceCode ?? entity.regionCode,
  };
}

@ObjectType('CommitmentFulfilment', {
  description:
    'A declaration of fulfilment by the committing organisation, and its verification by the ministry.',
})
export class CommitmentFulfilmentModel {
  @Field(() => ID)
  id!: string;

  @Field()
  declaredAt!: Date;

  @Field(() => DecimalScalar, { nullable: true, description: 'Declared in this step, in MAD.' })
  amount!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Declared in this step, in quantityUnit.' })
  quantity!: string | null;

  @Field({ description: 'The organisation declared the whole commitment honoured.' })
  complete!: boolean;

  @Field({ description: 'The evidence given with the declaration.' })
  note!: string;

  @Field(() => Date, { nullable: true })
  verifiedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Null until verified; false: sent back.' })
  accepted!: boolean | null;

  @Field(() => String, { nullable: true })
  verificationNote!: string | null;

  commitmentId!: string;
  /** Resolved by the `declaredBy` and `verifiedBy` fields. */
  declaredByUserId!: string | null;
  verifiedByUserId!: string | null;
}

export function toCommitmentFulfilmentModel(entity: CommitmentFulfilmentEntity): CommitmentFulfilmentModel {
  return {
    id: entity.id,
    declaredAt: entity.declaredAt,
    amount: entity.amount,
    quantity: entity.quantity,
    complete: entity.complete,
    note: entity.note,
    verifiedAt: entity.verifiedAt,
    accepted: entity.accepted,
    verificationNote: entity.verificationNote,
    commitmentId: entity.commitmentId,
    declaredByUserId: entity.declaredByUserId,
    verifiedByUserId: entity.verifiedByUserId,
  };
}

@ObjectType('DueDateChange', { description: 'One move of a commitment’s due date, with its reason.' })
export class DueDateChangeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  changedAt!: Date;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  previousDueDate!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  newDueDate!: string;

  @Field(() => ReasonCodeEnum)
  reasonCode!: ReasonCode;

  @Field()
  note!: string;

  commitmentId!: string;
  /** Resolved by the `changedBy` field. */
  changedByUserId!: string | null;
}

export function toDueDateChangeModel(entity: CommitmentDueDateChangeEntity): DueDateChangeModel {
  return {
    id: entity.id,
    changedAt: entity.changedAt,
    previousDueDate: entity.previousDueDate,
    newDueDate: entity.newDueDate,
    reasonCode: entity.reasonCode,
    note: entity.note,
    commitmentId: entity.commitmentId,
    changedByUserId: entity.changedByUserId,
  };
}
