import { ActionEntity } from '@convergence/server/actions';
import { AuditEventEntity } from '@convergence/server/audit';
import {
  CommitmentDueDateChangeEntity,
  CommitmentEntity,
  CommitmentFulfilmentEntity,
  ConventionEntity,
} from '@convergence/server/commitments';
import { CommentEntity, CommentRevisionEntity } from '@convergence/server/discussion';
import { ForumEntity } from '@convergence/server/forums';
import {
  FollowEntity,
  NotificationDeliveryEntity,
  NotificationDigestEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
} from '@convergence/server/notifications';
import { OrganizationEntity } from '@convergence/server/organizations';
import { OutboxEventEntity } from '@convergence/server/outbox';
import {
  ProgrammeEntity,
  ProjectEntity,
  ProjectMilestoneEntity,
  ProjectProgressReportEntity,
} from '@convergence/server/projects';
import { TerritoryEntity } from '@convergence/server/territories';
import { RefreshTokenEntity, SignInFailureEntity, UserEntity } from '@convergence/server/users';

/**
 * Every table of the schema. The same list serves the api, migration generation and the test
 * template, so that what migrations create and what the code maps cannot drift apart unnoticed.
 */
export const ENTITIES = [
  TerritoryEntity,
  OrganizationEntity,
  UserEntity,
  RefreshTokenEntity,
  SignInFailureEntity,
  ProgrammeEntity,
  ProjectEntity,
  ProjectMilestoneEntity,
  ProjectProgressReportEntity,
  ForumEntity,
  ConventionEntity,
  CommitmentEntity,
  CommitmentFulfilmentEntity,
  CommitmentDueDateChangeEntity,
  ActionEntity,
  AuditEventEntity,
  OutboxEventEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  NotificationDigestEntity,
  FollowEntity,
  CommentEntity,
  CommentRevisionEntity,
];
