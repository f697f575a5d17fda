import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SubjectRegistry, type SubjectFacts } from '@convergence/server/audit';
import type { OutboxEventEntity } from '@convergence/server/outbox';
import { defineAbilityFor, type Locale, type Role } from '@convergence/shared/domain';
import type { DataSource } from 'typeorm';
import { FollowService } from '../follows/follow.service';
import { AUDIENCES_OF, SUPERSEDED_BY_COMMENT_EVENTS, userIdsIn, type Audience } from './audiences';

/** Someone an event is for, with what the message to them needs. */
export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
}

interface RecipientRow extends Recipient {
  role: Role;
  organizationId: string;
  regionCode: string | null;
  provinceCode: string | null;
}

/**
 * Who hears of an outbox event: the audiences of its type (`AUDIENCES_OF`), then only active users,
 * never the one who caused it, and only those who may read the subject — the same permission rules
 * as the api's (`defineAbilityFor`), so that nobody learns by a notification what they could not
 * open. An event about a subject that no longer exists reaches nobody.
 */
@Injectable()
export class RecipientFinder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: SubjectRegistry,
    private readonly follows: FollowService,
  ) {}

  async recipientsOf(event: OutboxEventEntity): Promise<Recipient[]> {
    const facts = await this.subjects.facts(event.subjectType, event.subjectId);
    if (!facts) return [];
    const candidates = new Set<string>();
    for (const audience of AUDIENCES_OF[event.type]) {
      for (const id of await this.audience(audience, event, facts)) candidates.add(id);
    }
    if (SUPERSEDED_BY_COMMENT_EVENTS.includes(event.type)) {
      for (const id of await this.addressedByComment(event.payload)) candidates.delete(id);
    }
    if (event.actorUserId) candidates.delete(event.actorUserId);
    return this.readers(event, [...candidates]);
  }

  private audience(audience: Audience, event: OutboxEventEntity, facts: SubjectFacts): Promise<string[]> {
    switch (audience) {
      case 'FOLLOWERS':
        return this.follows.followerIds(event.subjectType, event.subjectId);
      case 'MENTIONED':
        return Promise.resolve(userIdsIn(event.payload, 'mentionUserIds'));
      case 'REPLIED_TO':
        return Promise.resolve(userIdsIn(event.payload, 'parentAuthorUserId'));
      case 'ASKER':
        return Promise.resolve(userIdsIn(event.payload, 'authorUserId'));
      case 'RESPONSIBLE':
        return this.usersOf(facts.responsibleOrganizationIds);
      case 'RESPONSIBLE_MANAGERS':
        return this.usersOf(facts.responsibleOrganizationIds, 'SUBSIDIARY_MANAGER');
      case 'PARTICIPANTS':
        return this.usersOf(facts.involvedOrganizationIds);
      case 'MINISTRY':
        return this.usersWithRole('MINISTRY_OFFICIAL');
    }
  }

  private async usersOf(organizationIds: string[], role?: Role): Promise<string[]> {
    if (organizationIds.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM app_user
        WHERE active AND organization_id = ANY($1::uuid[]) AND ($2::varchar IS NULL OR role = $2)`,
      [organizationIds, role ?? null],
    );
    return rows.map((row) => row.id);
  }

  private async usersWithRole(role: Role): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM app_user WHERE active AND role = $1',
      [role],
    );
    return rows.map((row) => row.id);
  }

  /** The people a comment names or answers, who get MENTION / COMMENT_REPLY for it instead. */
  private async addressedByComment(payload: Record<string, unknown>): Promise<string[]> {
    const [commentId] = userIdsIn(payload, 'commentId');
    if (!commentId) return [];
    const rows: { mentionUserIds: string[]; parentAuthorUserId: string | null }[] =
      await this.dataSource.query(
        `SELECT c.mention_user_ids AS "mentionUserIds", p.author_user_id AS "parentAuthorUserId"
         FROM comment c LEFT JOIN comment p ON p.id = c.parent_id
        WHERE c.id = $1`,
        [commentId],
      );
    return rows.flatMap((row) => [
      ...row.mentionUserIds,
      ...(row.parentAuthorUserId ? [row.parentAuthorUserId] : []),
    ]);
  }

  /**
   * The active ones among `userIds` who may read the subject. What a user may read depends on their
   * role, organisation and its territory only (`defineAbilityFor`), so the check runs once per such
   * profile rather than once per person.
   */
  private async readers(event: OutboxEventEntity, userIds: string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    const rows: RecipientRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.locale, u.role,
              u.organization_id AS "organizationId", o.region_code AS "regionCode",
              o.province_code AS "provinceCode"
         FROM app_user u JOIN organization o ON o.id = u.organization_id
        WHERE u.active AND u.id = ANY($1::uuid[])
        ORDER BY u.id`,
      [userIds],
    );
    const profiles = new Map<string, RecipientRow[]>();
    for (const row of rows) {
      const key = [row.role, row.organizationId, row.regionCode, row.provinceCode].join('|');
      profiles.set(key, [...(profiles.get(key) ?? []), row]);
    }
    const readers: Recipient[] = [];
    for (const members of profiles.values()) {
      const [first] = members;
      const ability = defineAbilityFor({
        userId: first.id,
        role: first.role,
        organizationId: first.organizationId,
        scope: { regionCode: first.regionCode, provinceCode: first.provinceCode },
      });
      if (await this.subjects.canRead(ability, event.subjectType, event.subjectId)) {
        readers.push(
          ...members.map(({ id, email, displayName, locale }) => ({ id, email, displayName, locale })),
        );
      }
    }
    return readers;
  }
}
