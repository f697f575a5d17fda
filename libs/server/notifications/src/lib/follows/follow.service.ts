import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SubjectRegistry } from '@convergence/server/audit';
import type { Actor } from '@convergence/server/core';
import type { AppAbility, SubjectType } from '@convergence/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { FollowEntity } from '../follow.entity';

/** Whether one user follows one subject, and whether they said so themselves. */
export interface FollowState {
  following: boolean;
  /** True when the user followed or unfollowed it explicitly; false when it comes from their organisation. */
  explicit: boolean;
}

/**
 * Who follows a subject. Users of the organisations involved in it follow it without asking; an
 * explicit row wins over that: `following = true` adds a user, `following = false` removes one.
 */
@Injectable()
export class FollowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: SubjectRegistry,
  ) {}

  /**
   * The active users following a subject. Whether each may read it is the caller's concern (the
   * worker filters recipients by permission when it fans out).
   */
  async followerIds(subjectType: SubjectType, subjectId: string): Promise<string[]> {
    const facts = await this.subjects.facts(subjectType, subjectId);
    const involved = facts?.involvedOrganizationIds ?? [];
    // The explicit row, when there is one, decides; otherwise membership of an involved organisation.
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id
         FROM app_user u
         LEFT JOIN follow f ON f.user_id = u.id AND f.subject_type = $1 AND f.subject_id = $2
        WHERE u.active
          AND (f.user_id IS NOT NULL OR u.organization_id = ANY($3::uuid[]))
          AND COALESCE(f.following, u.organization_id = ANY($3::uuid[]))
        ORDER BY u.id`,
      [subjectType, subjectId, involved],
    );
    return rows.map((row) => row.id);
  }

  /** An explicit follow (`true`) or unfollow (`false`) of a subject the actor may read (NOT_FOUND otherwise). */
  async choose(
    actor: Actor,
    ability: AppAbility,
    subjectType: SubjectType,
    subjectId: string,
    following: boolean,
  ): Promise<void> {
    await this.subjects.assertReadable(ability, subjectType, subjectId);
    await this.setFollowing(this.dataSource.manager, actor.userId, subjectType, subjectId, following);
  }

  /** Whether the actor follows a subject they may read (NOT_FOUND otherwise), and why. */
  async stateFor(
    actor: Actor,
    ability: AppAbility,
    subjectType: SubjectType,
    subjectId: string,
  ): Promise<FollowState> {
    await this.subjects.assertReadable(ability, subjectType, subjectId);
    const row = await this.dataSource.manager.findOneBy(FollowEntity, {
      userId: actor.userId,
      subjectType,
      subjectId,
    });
    if (row) return { following: row.following, explicit: true };
    const facts = await this.subjects.facts(subjectType, subjectId);
    return {
      following: facts?.involvedOrganizationIds.includes(actor.organizationId) ?? false,
      explicit: false,
    };
  }

  /** Records an explicit follow (`true`) or unfollow (`false`), replacing any earlier choice. */
  async setFollowing(
    manager: EntityManager,
    userId: string,
    subjectType: SubjectType,
    subjectId: string,
    following: boolean,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(FollowEntity)
      .values({ userId, subjectType, subjectId, following })
      .orUpdate(['following'], ['user_id', 'subject_type', 'subject_id'])
      .execute();
  }

  /**
   * Makes a user follow a subject they took part in (a comment's author), unless they already chose:
   * an explicit unfollow stays.
   */
  async followUnlessDecided(
    manager: EntityManager,
    userId: string,
    subjectType: SubjectType,
    subjectId: string,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(FollowEntity)
      .values({ userId, subjectType, subjectId, following: true })
      .orIgnore()
      .execute();
  }
}
