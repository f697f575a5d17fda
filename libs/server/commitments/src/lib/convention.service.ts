import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { recordAudit } from '@convergence/server/audit';
import {
  accessibleBy,
  BadUserInputError,
  ConflictError,
  containsPattern,
  definedOnly,
  ForbiddenError,
  NotFoundError,
  paginate,
  uniqueValues,
  updateVersioned,
  type Actor,
  type Connection,
  type FieldProblem,
  uniqueViolationAs,
} from '@convergence/server/core';
import { ForumService } from '@convergence/server/forums';
import { OrganizationService } from '@convergence/server/organizations';
import { ProjectService } from '@convergence/server/projects';
import { TerritoryService } from '@convergence/server/territories';
import type { AppAbility } from '@convergence/shared/domain';
import { Repository, type EntityManager } from 'typeorm';
import { ConventionEntity } from './convention.entity';
import type {
  CreateConventionInput,
  UpdateConventionArgs,
  UpdateConventionInput,
} from './inputs/convention.inputs';
import type { ConventionsArgs } from './inputs/conventions.args';
import { filterTerritory, projectsInSubtreeSql } from './query-filters';
import { unknownReference } from './references';

/** What the audit trail of a convention records. */
const AUDITED_FIELDS = [
  'code',
  'title',
  'description',
  'signedOn',
  'regionCode',
  'partyOrganizationIds',
  'projectIds',
  'forumId',
] as const satisfies readonly (keyof ConventionEntity)[];

type ConventionValues = Partial<Pick<ConventionEntity, (typeof AUDITED_FIELDS)[number]>>;

@Injectable()
export class ConventionService {
  constructor(
    @InjectRepository(ConventionEntity) private readonly conventions: Repository<ConventionEntity>,
    private readonly territories: TerritoryService,
    private readonly organizations: OrganizationService,
    private readonly projects: ProjectService,
    private readonly forums: ForumService,
  ) {}

  /** A page of the conventions the reader may read, by code, filtered and counted in SQL. */
  async list(
    ability: AppAbility,
    { filter: givenFilter, ...page }: ConventionsArgs,
  ): Promise<Connection<ConventionEntity>> {
    // A client may send `filter: null` as well as leave it out.
    const filter = givenFilter ?? {};
    const query = this.conventions.createQueryBuilder('convention');
    accessibleBy(query, ability, 'read', 'Convention');
    if (filter.territoryCode !== undefined && filter.territoryCode !== null) {
      // A convention belongs to its region, and to every territory where a project it funds lies.
      const territory = await filterTerritory(this.territories, filter.territoryCode);
      const funds = `convention.project_ids && ARRAY(${projectsInSubtreeSql('conventionSubtree')})`;
      query.andWhere(
        territory.kind === 'REGION' ? `(convention.region_code = :conventionRegion OR ${funds})` : funds,
        {
          conventionRegion: territory.code,
          conventionSubtree: `${territory.path}%`,
        },
      );
    }
    if (filter.organizationId) {
      query.andWhere('convention.party_organization_ids @> ARRAY[:partyId]::uuid[]', {
        partyId: filter.organizationId,
      });
    }
    if (filter.projectId) {
      query.andWhere('convention.project_ids @> ARRAY[:fundedProjectId]::uuid[]', {
        fundedProjectId: filter.projectId,
      });
    }
    if (filter.forumId) query.andWhere('convention.forum_id = :forumId', { forumId: filter.forumId });
    if (filter.search?.trim()) {
      query.andWhere('(convention.code ILIKE :search OR convention.title ILIKE :search)', {
        search: containsPattern(filter.search.trim()),
      });
    }
    return paginate(query, page, { expression: 'convention.code', direction: 'ASC', valueOf: (c) => c.code });
  }

  /** One convention, or NOT_FOUND, whether it does not exist or lies outside the reader's scope. */
  async get(
    ability: AppAbility,
    id: string,
    manager: EntityManager = this.conventions.manager,
  ): Promise<ConventionEntity> {
    const convention = await manager.findOneBy(ConventionEntity, { id });
    if (!convention || !ability.can('read', subject('Convention', { ...convention }))) {
      throw new NotFoundError('Convention');
    }
    return convention;
  }

  /**
   * For DataLoaders and other domains: the conventions among `ids` the reader may read, in one
   * statement filtered by the reader's rules; unreadable and unknown ids are simply absent.
   */
  readableByIds(ability: AppAbility, ids: readonly string[]): Promise<ConventionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const query = this.conventions.createQueryBuilder('convention');
    accessibleBy(query, ability, 'read', 'Convention');
    return query.andWhere('convention.id IN (:...ids)', { ids: [...ids] }).getMany();
  }

  /** For the `Project.conventions` DataLoader: the readable conventions funding any of `projectIds`. */
  readableFundingProjects(ability: AppAbility, projectIds: readonly string[]): Promise<ConventionEntity[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    const query = this.conventions.createQueryBuilder('convention');
    accessibleBy(query, ability, 'read', 'Convention');
    return query
      .andWhere('convention.project_ids && ARRAY[:...projectIds]::uuid[]', { projectIds: [...projectIds] })
      .orderBy('convention.code')
      .getMany();
  }

  /** Ministry and admin (the rule `create Convention`); every named party, project and forum must be readable. */
  async create(actor: Actor, ability: AppAbility, input: CreateConventionInput): Promise<ConventionEntity> {
    const values = await this.checkedValues(ability, input);
    if (!ability.can('create', subject('Convention', { ...values }))) throw new ForbiddenError();
    const created = this.conventions.manager.transaction(async (manager) => {
      await this.assertCodeFree(manager, input.code);
      const { identifiers } = await manager.insert(ConventionEntity, {
        description: '',
        partyOrganizationIds: [],
        projectIds: [],
        ...values,
        provinceCode: null,
        createdByUserId: actor.userId,
      });
      const convention = await manager.findOneByOrFail(ConventionEntity, {
        id: identifiers[0]['id'] as string,
      });
      await this.audit(manager, actor, 'createConvention', null, convention);
      return convention;
    });
    return created.catch(uniqueViolationAs('convention_code_key', codeTaken()));
  }

  /**
   * Ministry and admin (the rule `update Convention`); the version read guards against lost updates.
   * The region does not change (see `UpdateConventionInput`).
   */
  async update(
    actor: Actor,
    ability: AppAbility,
    { id, version, input }: UpdateConventionArgs,
  ): Promise<ConventionEntity> {
    // Problems name the fields as the validation of the arguments does: `input.<field>`.
    const changes = await this.checkedValues(ability, input);
    const updated = this.conventions.manager.transaction(async (manager) => {
      const before = await this.get(ability, id, manager);
      if (!ability.can('update', subject('Convention', { ...before }))) throw new ForbiddenError();
      if (before.version !== version) throw new ConflictError();
      if (changes.code !== undefined && changes.code !== before.code)
        await this.assertCodeFree(manager, changes.code);
      const after = await updateVersioned(manager, ConventionEntity, id, version, changes);
      await this.audit(manager, actor, 'updateConvention', before, after);
      return after;
    });
    return updated.catch(uniqueViolationAs('convention_code_key', codeTaken()));
  }

  /** The code is unique: checked in the transaction, and the unique index settles a race. */
  private async assertCodeFree(manager: EntityManager, code: string): Promise<void> {
    if (await manager.existsBy(ConventionEntity, { code })) throw new BadUserInputError([codeTaken()]);
  }

  /**
   * The given fields, checked against the database and the reader's scope: the region (on creation
   * only) must be a region; parties, projects and forum must exist and be readable. Absent fields
   * stay absent.
   */
  private async checkedValues(
    ability: AppAbility,
    input: CreateConventionInput | UpdateConventionInput,
  ): Promise<ConventionValues> {
    const problems: FieldProblem[] = [];
    const regionCode = 'regionCode' in input ? input.regionCode : undefined;
    if (regionCode) {
      const territory = await this.territories.findByCode(regionCode);
      if (territory?.kind !== 'REGION')
        problems.push({ field: `regionCode`, key: 'validation.regionExpected' });
    }
    const parties = input.partyOrganizationIds && uniqueValues(input.partyOrganizationIds);
    if (parties?.length) {
      const readable = (await this.organizations.findByIds(parties)).filter((organization) =>
        ability.can('read', subject('Organization', { ...organization })),
      );
      if (readable.length !== parties.length)
        problems.push(unknownReference(`partyOrganizationIds`, 'Organization'));
    }
    const projectIds = input.projectIds && uniqueValues(input.projectIds);
    if (
      projectIds?.length &&
      (await this.projects.readableByIds(ability, projectIds)).length !== projectIds.length
    ) {
      problems.push(unknownReference(`projectIds`, 'Project'));
    }
    if (input.forumId && (await this.forums.readableByIds(ability, [input.forumId])).length === 0) {
      problems.push(unknownReference(`forumId`, 'Forum'));
    }
    if (problems.length) throw new BadUserInputError(problems);
    const values: ConventionValues = {
      code: input.code,
      title: input.title,
      description: input.description,
      signedOn: input.signedOn,
      regionCode,
      partyOrganizationIds: parties,
      projectIds,
      forumId: input.forumId,
    };
    return definedOnly(values);
  }

  private audit(
    manager: EntityManager,
    actor: Actor,
    operation: string,
    before: ConventionEntity | null,
    after: ConventionEntity,
  ): Promise<void> {
    return recordAudit(manager, {
      actorUserId: actor.userId,
      operation,
      subjectType: 'CONVENTION',
      subjectId: after.id,
      fields: AUDITED_FIELDS,
      before,
      after,
    });
  }
}

function codeTaken(): FieldProblem {
  return { field: `code`, key: 'validation.codeTaken' };
}
