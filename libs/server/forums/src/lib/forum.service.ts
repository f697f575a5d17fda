import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import {
  accessibleBy,
  BadUserInputError,
  ConflictError,
  definedOnly,
  ForbiddenError,
  NotFoundError,
  paginate,
  todayInMorocco,
  uniqueValues,
  updateVersioned,
  type Actor,
  type Connection,
  type FieldProblem,
} from '@convergence/server/core';
import { recordAudit } from '@convergence/server/audit';
import { OrganizationService } from '@convergence/server/organizations';
import { publishChange } from '@convergence/server/outbox';
import { TerritoryService } from '@convergence/server/territories';
import type { AppAbility } from '@convergence/shared/domain';
import { Repository, type EntityManager } from 'typeorm';
import { ForumEntity } from './forum.entity';
import type { CreateForumInput, UpdateForumArgs, UpdateForumInput } from './inputs/forum.inputs';
import type { ForumsArgs } from './inputs/forums.args';

/** What the audit trail of a forum records. */
const AUDITED_FIELDS = [
  'title',
  'theme',
  'heldOn',
  'place',
  'regionCode',
  'participantOrganizationIds',
  'resolutions',
] as const satisfies readonly (keyof ForumEntity)[];

type ForumValues = Partial<Pick<ForumEntity, (typeof AUDITED_FIELDS)[number]>>;

@Injectable()
export class ForumService {
  constructor(
    @InjectRepository(ForumEntity) private readonly forums: Repository<ForumEntity>,
    private readonly territories: TerritoryService,
    private readonly organizations: OrganizationService,
  ) {}

  /** A page of the forums the reader may read, newest first, filtered and counted in SQL. */
  async list(
    ability: AppAbility,
    { filter: givenFilter, ...page }: ForumsArgs,
  ): Promise<Connection<ForumEntity>> {
    // A client may send `filter: null` as well as leave it out.
    const filter = givenFilter ?? {};
    if (filter.from && filter.to && filter.to < filter.from) {
      throw new BadUserInputError([{ field: 'filter.to', key: 'validation.endBeforeStart' }]);
    }
    const query = this.forums.createQueryBuilder('forum');
    accessibleBy(query, ability, 'read', 'Forum');
    if (filter.territoryCode !== undefined && filter.territoryCode !== null) {
      const territory = await this.territories.findByCode(filter.territoryCode);
      if (!territory) {
        throw new NotFoundError('Territory', 'error.unknownTerritory', { code: filter.territoryCode });
      }
      query.andWhere('forum.region_code = :regionCode', { regionCode: territory.regionCode });
    }
    if (filter.from) query.andWhere('forum.held_on >= :from', { from: filter.from });
    if (filter.to) query.andWhere('forum.held_on <= :to', { to: filter.to });
    return paginate(query, page, {
      expression: 'forum.held_on',
      direction: 'DESC',
      valueOf: (forum) => forum.heldOn,
    });
  }

  /** One forum, or NOT_FOUND, whether it does not exist or lies outside the reader's scope. */
  async get(
    ability: AppAbility,
    id: string,
    manager: EntityManager = this.forums.manager,
  ): Promise<ForumEntity> {
    const forum = await manager.findOneBy(ForumEntity, { id });
    if (!forum || !ability.can('read', subject('Forum', { ...forum }))) throw new NotFoundError('Forum');
    return forum;
  }

  /**
   * For DataLoaders and other domains: the forums among `ids` the reader may read, in one statement
   * filtered by the reader's rules; unreadable and unknown ids are simply absent.
   */
  readableByIds(ability: AppAbility, ids: readonly string[]): Promise<ForumEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const query = this.forums.createQueryBuilder('forum');
    accessibleBy(query, ability, 'read', 'Forum');
    return query.andWhere('forum.id IN (:...ids)', { ids: [...ids] }).getMany();
  }

  /**
   * Ministry and admin (the rule `create Forum`, checked on the row to be created). A forum still to
   * come is announced; one recorded after it was held is not news.
   */
  async create(actor: Actor, ability: AppAbility, input: CreateForumInput): Promise<ForumEntity> {
    const values: ForumValues = {
      ...(await this.checkedValues(input)),
      participantOrganizationIds: uniqueValues(input.participantOrganizationIds ?? []),
      resolutions: input.resolutions ?? [],
    };
    if (!ability.can('create', subject('Forum', { ...values }))) throw new ForbiddenError();
    return this.forums.manager.transaction(async (manager) => {
      const { identifiers } = await manager.insert(ForumEntity, {
        ...values,
        provinceCode: null,
        createdByUserId: actor.userId,
      });
      const forum = await manager.findOneByOrFail(ForumEntity, { id: identifiers[0]['id'] as string });
      await this.audit(manager, actor, 'createForum', null, forum);
      if (forum.heldOn >= todayInMorocco()) {
        await publishChange(manager, actor.userId, 'FORUM_SCHEDULED', forum, {
          heldOn: forum.heldOn,
          place: forum.place,
        });
      }
      return forum;
    });
  }

  /**
   * Ministry and admin only (the rule `update Forum`); the version read guards against lost updates.
   * The region does not change (see `UpdateForumInput`).
   */
  async update(
    actor: Actor,
    ability: AppAbility,
    { id, version, input }: UpdateForumArgs,
  ): Promise<ForumEntity> {
    const changes = await this.checkedValues(input);
    return this.forums.manager.transaction(async (manager) => {
      const before = await this.get(ability, id, manager);
      if (!ability.can('update', subject('Forum', { ...before }))) throw new ForbiddenError();
      if (before.version !== version) throw new ConflictError();
      const after = await updateVersioned(manager, ForumEntity, id, version, changes);
      await this.audit(manager, actor, 'updateForum', before, after);
      return after;
    });
  }

  /**
   * The given fields, checked against the database: the region (on creation only) must be a region,
   * the participants existing organisations. Absent fields stay absent so that an update leaves them
   * unchanged.
   */
  private async checkedValues(input: CreateForumInput | UpdateForumInput): Promise<ForumValues> {
    const problems: FieldProblem[] = [];
    const regionCode = 'regionCode' in input ? input.regionCode : undefined;
    if (regionCode) {
      const territory = await this.territories.findByCode(regionCode);
      if (territory?.kind !== 'REGION')
        problems.push({ field: `regionCode`, key: 'validation.regionExpected' });
    }
    const participants = input.participantOrganizationIds && uniqueValues(input.participantOrganizationIds);
    if (participants?.length) {
      const found = await this.organizations.findByIds(participants);
      if (found.length !== participants.length) {
        problems.push({
          field: `participantOrganizationIds`,
          key: 'validation.unknownReference',
          params: { subject: 'Organization' },
        });
      }
    }
    if (problems.length) throw new BadUserInputError(problems);
    const values: ForumValues = {
      title: input.title,
      theme: input.theme,
      heldOn: input.heldOn,
      place: input.place,
      regionCode,
      participantOrganizationIds: participants,
      resolutions: input.resolutions,
    };
    return definedOnly(values);
  }

  private audit(
    manager: EntityManager,
    actor: Actor,
    operation: string,
    before: ForumEntity | null,
    after: ForumEntity,
  ): Promise<void> {
    return recordAudit(manager, {
      actorUserId: actor.userId,
      operation,
      subjectType: 'FORUM',
      subjectId: after.id,
      fields: AUDITED_FIELDS,
      before,
      after,
    });
  }
}
