import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import {
  accessibleBy,
  BadUserInputError,
  ConflictError,
  containsPattern,
  definedOnly,
  ForbiddenError,
  NotFoundError,
  OrderDirection,
  paginate,
  type ListQuery,
  todayInMorocco,
  uniqueValues,
  updateVersioned,
  type Actor,
  type Connection,
  type FieldProblem,
  type SortKey,
} from '@convergence/server/core';
import { changedFields as changedFieldsOf, recordAudit } from '@convergence/server/audit';
import { ForumService } from '@convergence/server/forums';
import { OrganizationService } from '@convergence/server/organizations';
import { publishChange } from '@convergence/server/outbox';
import { ProjectService } from '@convergence/server/projects';
import { TerritoryService, whereTerritoryInSubtree } from '@convergence/server/territories';
import {
  ACTION_PRIORITIES,
  type Action as Verb,
  type AppAbility,
  type ReasonCode,
} from '@convergence/shared/domain';
import { Repository, type EntityManager } from 'typeorm';
import { actionOverdueSql } from './action-overdue';
import { needsReason, statusChangeProblems } from './action-rules';
import { ActionEntity } from './action.entity';
import type { CreateActionInput, UpdateActionInput, UpdateActionStatusInput } from './inputs/action.inputs';
import { ActionOrderField, type ActionsArgs } from './inputs/actions.args';

/** Priorities rank LOW (1) to CRITICAL (4), not alphabetically. */
const PRIORITY_RANK_SQL = `array_position(ARRAY[${ACTION_PRIORITIES.map((p) => `'${p}'`).join(', ')}]::varchar[], action.priority)`;

const SORT_KEYS: Record<ActionOrderField, Omit<SortKey<ActionEntity>, 'direction'>> = {
  DUE_DATE: { expression: 'action.due_date', valueOf: (a) => a.dueDate },
  PRIORITY: { expression: PRIORITY_RANK_SQL, valueOf: (a) => ACTION_PRIORITIES.indexOf(a.priority) + 1 },
  // Cursors carry milliseconds (JavaScript dates); PostgreSQL keeps microseconds.
  UPDATED_AT: { expression: "date_trunc('milliseconds', action.updated_at)", valueOf: (a) => a.updatedAt },
};

/** What the audit trail of an action records. */
const AUDITED_FIELDS = [
  'title',
  'description',
  'responsibleOrganizationId',
  'contributorOrganizationIds',
  'territoryCode',
  'forumId',
  'projectId',
  'dueDate',
  'priority',
  'status',
  'statusReasonCode',
  'statusNote',
  'doneOn',
] as const satisfies readonly (keyof ActionEntity)[];

/** What `updateAction` may change: a change to any of them is worth telling the followers. */
const ACTION_DEFINITION_FIELDS = [
  'title',
  'description',
  'dueDate',
  'priority',
  'contributorOrganizationIds',
] as const satisfies readonly (keyof ActionEntity)[];

/** The audited row, plus why its due date moved: the reason lives in the trail, next to the move. */
type AuditedAction = ActionEntity & { dueDateReasonCode?: ReasonCode | null };

@Injectable()
export class ActionService {
  constructor(
    @InjectRepository(ActionEntity) private readonly actions: Repository<ActionEntity>,
    private readonly territories: TerritoryService,
    private readonly organizations: OrganizationService,
    private readonly forums: ForumService,
    private readonly projects: ProjectService,
  ) {}

  /** A page of the actions the reader may read, filtered and counted in SQL with the reader's rules. */
  async list(ability: AppAbility, args: ActionsArgs): Promise<Connection<ActionEntity>> {
    const { query, sort } = await this.listQuery(ability, args);
    return paginate(query, args, sort);
  }

  /** The filtered, scoped and ordered query behind the list and its CSV export. */
  async listQuery(
    ability: AppAbility,
    { filter: givenFilter, orderBy }: Pick<ActionsArgs, 'filter' | 'orderBy'>,
  ): Promise<ListQuery<ActionEntity>> {
    // A client may send `filter: null` as well as leave it out.
    const filter = givenFilter ?? {};
    const query = this.actions.createQueryBuilder('action');
    accessibleBy(query, ability, 'read', 'Action');
    if (filter.territoryCode !== undefined && filter.territoryCode !== null) {
      whereTerritoryInSubtree(
        query,
        'action.territory_code',
        await this.territories.subtree(filter.territoryCode),
      );
    }
    if (filter.responsibleOrganizationId) {
      query.andWhere('action.responsible_organization_id = :responsibleId', {
        responsibleId: filter.responsibleOrganizationId,
      });
    }
    if (filter.organizationId) {
      query.andWhere(
        '(action.responsible_organization_id = :organizationId OR action.contributor_organization_ids @> ARRAY[:organizationId]::uuid[])',
        { organizationId: filter.organizationId },
      );
    }
    if (filter.status?.length) query.andWhere('action.status IN (:...statuses)', { statuses: filter.status });
    if (filter.priority?.length) {
      query.andWhere('action.priority IN (:...priorities)', { priorities: filter.priority });
    }
    if (filter.overdue !== undefined && filter.overdue !== null) {
      query.andWhere(filter.overdue ? actionOverdueSql('action') : `NOT ${actionOverdueSql('action')}`);
    }
    if (filter.forumId) query.andWhere('action.forum_id = :forumId', { forumId: filter.forumId });
    if (filter.projectId) query.andWhere('action.project_id = :projectId', { projectId: filter.projectId });
    if (filter.dueBefore) query.andWhere('action.due_date < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.search?.trim()) {
      query.andWhere('action.title ILIKE :search', { search: containsPattern(filter.search.trim()) });
    }
    const key = SORT_KEYS[orderBy?.field ?? ActionOrderField.DUE_DATE];
    return { query, sort: { ...key, direction: orderBy?.direction ?? OrderDirection.ASC } };
  }

  /** One action, or NOT_FOUND, whether it does not exist or lies outside the reader's scope. */
  async get(
    ability: AppAbility,
    id: string,
    manager: EntityManager = this.actions.manager,
  ): Promise<ActionEntity> {
    const action = await manager.findOneBy(ActionEntity, { id });
    if (!action || !ability.can('read', subject('Action', { ...action }))) throw new NotFoundError('Action');
    return action;
  }

  /**
   * For DataLoaders and other domains: the actions among `ids` the reader may read, in one statement
   * filtered by the reader's rules; unreadable and unknown ids are simply absent.
   */
  readableByIds(ability: AppAbility, ids: readonly string[]): Promise<ActionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const query = this.actions.createQueryBuilder('action');
    accessibleBy(query, ability, 'read', 'Action');
    return query.andWhere('action.id IN (:...ids)', { ids: [...ids] }).getMany();
  }

  /** The actions decided at these forums that the reader may read, by due date, in one statement. */
  readableByForumIds(ability: AppAbility, forumIds: readonly string[]): Promise<ActionEntity[]> {
    if (forumIds.length === 0) return Promise.resolve([]);
    const query = this.actions.createQueryBuilder('action');
    accessibleBy(query, ability, 'read', 'Action');
    return query
      .andWhere('action.forum_id IN (:...forumIds)', { forumIds: [...forumIds] })
      .orderBy('action.due_date')
      .addOrderBy('action.id')
      .getMany();
  }

  /**
   * Ministry and admin (the rule `create Action`). The scope columns follow the territory: a
   * region-level action has no province. The forum and project must be ones the creator may read.
   */
  async create(actor: Actor, ability: AppAbility, input: CreateActionInput): Promise<ActionEntity> {
    const contributorIds = uniqueValues(input.contributorOrganizationIds ?? []);
    const [territory, problems] = await Promise.all([
      this.territories.findByCode(input.territoryCode),
      Promise.all([
        this.unknownOrganizations('responsibleOrganizationId', [input.responsibleOrganizationId]),
        this.unknownOrganizations('contributorOrganizationIds', contributorIds),
        this.unreadableForum(ability, input.forumId),
        this.unreadableProject(ability, input.projectId),
      ]).then((found) => found.flat()),
    ]);
    if (!territory) {
      problems.push({
        field: 'territoryCode',
        key: 'error.unknownTerritory',
        params: { code: input.territoryCode },
      });
    }
    problems.push(...dueDateProblems(input.dueDate));
    if (problems.length || !territory) throw new BadUserInputError(problems);

    const values = {
      title: input.title,
      description: input.description ?? '',
      responsibleOrganizationId: input.responsibleOrganizationId,
      contributorOrganizationIds: contributorIds,
      territoryCode: territory.code,
      regionCode: territory.regionCode,
      provinceCode: territory.provinceCode,
      forumId: input.forumId ?? null,
      projectId: input.projectId ?? null,
      dueDate: input.dueDate,
      priority: input.priority,
      status: 'OPEN' as const,
      createdByUserId: actor.userId,
    };
    // The rule is checked on the row as it will be, scope included, not only on the subject type.
    if (!ability.can('create', subject('Action', { ...values }))) throw new ForbiddenError();
    return this.actions.manager.transaction(async (manager) => {
      const { identifiers } = await manager.insert(ActionEntity, values);
      const action = await manager.findOneByOrFail(ActionEntity, { id: identifiers[0]['id'] as string });
      await this.audit(manager, actor, 'createAction', null, action);
      await publishChange(manager, actor.userId, 'ACTION_ASSIGNED', action, {
        responsibleOrganizationId: action.responsibleOrganizationId,
        dueDate: action.dueDate,
        priority: action.priority,
      });
      return action;
    });
  }

  /**
   * Moves an action along its workflow (PRODUCT.md): the responsible organisation's users (the rule
   * `report`), the ministry and admins (`update`). Entering DONE dates it today (in Morocco); leaving
   * DONE clears that date.
   */
  async updateStatus(
    actor: Actor,
    ability: AppAbility,
    { id, version, status, note, reasonCode }: UpdateActionStatusInput,
  ): Promise<ActionEntity> {
    return this.actions.manager.transaction(async (manager) => {
      // Cancelling ends an action for good and erases its lateness: that is a change of terms
      // (`update`, ministry and admins), not a report of progress by the responsible organisation.
      const verbs: Verb[] = status === 'CANCELLED' ? ['update'] : ['report', 'update'];
      const before = await this.writable(ability, verbs, id, version, manager);
      const problems = statusChangeProblems(before.status, status, reasonCode);
      if (problems.length) throw new BadUserInputError(problems);
      const after = await updateVersioned(manager, ActionEntity, id, version, {
        status,
        statusNote: note,
        statusReasonCode: needsReason(status) ? reasonCode : null,
        doneOn: status === 'DONE' ? todayInMorocco() : null,
      });
      await this.audit(manager, actor, 'updateActionStatus', before, after);
      await publishChange(manager, actor.userId, 'ACTION_STATUS_CHANGED', after, {
        from: before.status,
        to: after.status,
        reasonCode: after.statusReasonCode,
      });
      return after;
    });
  }

  /**
   * Changes what the action is (ministry and admin, the rule `update`); moving the due date needs a
   * reason code. The responsible organisation moves its status, not its definition.
   */
  async update(actor: Actor, ability: AppAbility, input: UpdateActionInput): Promise<ActionEntity> {
    const contributorIds = input.contributorOrganizationIds && uniqueValues(input.contributorOrganizationIds);
    const problems = await this.unknownOrganizations('contributorOrganizationIds', contributorIds ?? []);
    return this.actions.manager.transaction(async (manager) => {
      const before = await this.writable(ability, ['update'], input.id, input.version, manager);
      const movesDueDate = !!input.dueDate && input.dueDate !== before.dueDate;
      if (movesDueDate) {
        problems.push(...dueDateProblems(input.dueDate));
        if (!input.reasonCode) problems.push({ field: 'reasonCode', key: 'validation.reasonRequired' });
      }
      if (problems.length) throw new BadUserInputError(problems);
      const changes = definedOnly({
        title: input.title,
        description: input.description,
        dueDate: input.dueDate,
        priority: input.priority,
        contributorOrganizationIds: contributorIds,
      });
      const after = await updateVersioned(manager, ActionEntity, input.id, input.version, changes);
      const dueDateReasonCode = movesDueDate ? input.reasonCode : null;
      await this.audit(manager, actor, 'updateAction', before, { ...after, dueDateReasonCode });
      const changedFields = Object.keys(changedFieldsOf(ACTION_DEFINITION_FIELDS, before, after));
      if (changedFields.length) {
        await publishChange(manager, actor.userId, 'ACTION_UPDATED', after, {
          changedFields,
          dueDate: movesDueDate ? after.dueDate : null,
          priority: after.priority !== before.priority ? after.priority : null,
        });
      }
      return after;
    });
  }

  /**
   * The action as it stands in this transaction, if the actor may change it by one of `verbs`:
   * NOT_FOUND when they may not even read it, FORBIDDEN when they read but may not write, CONFLICT
   * when they read an older version.
   */
  private async writable(
    ability: AppAbility,
    verbs: readonly Verb[],
    id: string,
    version: number,
    manager: EntityManager,
  ): Promise<ActionEntity> {
    const action = await this.get(ability, id, manager);
    const tagged = subject('Action', { ...action });
    if (!verbs.some((verb) => ability.can(verb, tagged))) throw new ForbiddenError();
    if (action.version !== version) throw new ConflictError();
    return action;
  }

  private async unknownOrganizations(field: string, ids: readonly string[]): Promise<FieldProblem[]> {
    if (ids.length === 0) return [];
    const found = await this.organizations.findByIds(ids);
    return found.length === ids.length
      ? []
      : [{ field, key: 'validation.unknownReference', params: { subject: 'Organization' } }];
  }

  /** A forum the creator may not read is reported exactly as one that does not exist. */
  private async unreadableForum(ability: AppAbility, forumId: string | undefined): Promise<FieldProblem[]> {
    if (!forumId || (await this.forums.readableByIds(ability, [forumId])).length === 1) return [];
    return [{ field: 'forumId', key: 'validation.unknownReference', params: { subject: 'Forum' } }];
  }

  private async unreadableProject(
    ability: AppAbility,
    projectId: string | undefined,
  ): Promise<FieldProblem[]> {
    if (!projectId || (await this.projects.readableByIds(ability, [projectId])).length === 1) return [];
    return [{ field: 'projectId', key: 'validation.unknownReference', params: { subject: 'Project' } }];
  }

  private audit(
    manager: EntityManager,
    actor: Actor,
    operation: string,
    before: ActionEntity | null,
    after: AuditedAction,
  ): Promise<void> {
    return recordAudit<AuditedAction>(manager, {
      actorUserId: actor.userId,
      operation,
      subjectType: 'ACTION',
      subjectId: after.id,
      fields: [...AUDITED_FIELDS, 'dueDateReasonCode'],
      before,
      after,
    });
  }
}

/** A due date is set or moved to today or later (in Morocco), never into the past. */
function dueDateProblems(dueDate: string | undefined): FieldProblem[] {
  return dueDate && dueDate < todayInMorocco() ? [{ field: 'dueDate', key: 'validation.dateInPast' }] : [];
}
