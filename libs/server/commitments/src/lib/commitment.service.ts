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
  OrderDirection,
  paginate,
  type ListQuery,
  todayInMorocco,
  updateVersioned,
  type Actor,
  type Connection,
  type FieldProblem,
  type SortKey,
} from '@convergence/server/core';
import { ForumService } from '@convergence/server/forums';
import { OrganizationService } from '@convergence/server/organizations';
import { publishChange } from '@convergence/server/outbox';
import { ProjectService } from '@convergence/server/projects';
import { TerritoryService } from '@convergence/server/territories';
import { COMMITMENT_STATUSES, type AppAbility } from '@convergence/shared/domain';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { commitmentLateSql } from './commitment-late';
import {
  acceptFulfilment,
  declaredShare,
  lockedProblem,
  onlyStartsWork,
  statusChangeProblems,
} from './commitment-rules';
import { CommitmentDueDateChangeEntity } from './commitment-due-date-change.entity';
import { CommitmentFulfilmentEntity } from './commitment-fulfilment.entity';
import { CommitmentEntity } from './commitment.entity';
import { ConventionService } from './convention.service';
import type {
  CreateCommitmentInput,
  DeclareFulfilmentInput,
  UpdateCommitmentInput,
  VerifyFulfilmentInput,
} from './inputs/commitment.inputs';
import { CommitmentOrderField, type CommitmentsArgs } from './inputs/commitments.args';
import { filterTerritory, whereCommitmentInTerritory } from './query-filters';
import { unknownReference } from './references';

/** Workflow order, for sorting by status (the SQL expression and the cursor value agree). */
const STATUS_ORDER_SQL = `array_position(ARRAY[${COMMITMENT_STATUSES.map((s) => `'${s}'`).join(', ')}]::varchar[], commitment.status)`;

const SORT_KEYS: Record<CommitmentOrderField, Omit<SortKey<CommitmentEntity>, 'direction'>> = {
  DUE_DATE: { expression: 'commitment.due_date', valueOf: (c) => c.dueDate },
  AMOUNT: { expression: 'COALESCE(commitment.amount, 0)', valueOf: (c) => c.amount ?? '0' },
  // Cursors carry milliseconds, PostgreSQL keeps microseconds: sort on what the cursor can say.
  UPDATED_AT: {
    expression: "date_trunc('milliseconds', commitment.updated_at)",
    valueOf: (c) => c.updatedAt,
  },
  STATUS: { expression: STATUS_ORDER_SQL, valueOf: (c) => COMMITMENT_STATUSES.indexOf(c.status) + 1 },
};

/** What the audit trail of a commitment records; `fulfilment` is the declaration a step is about. */
const AUDITED_FIELDS = [
  'title',
  'description',
  'kind',
  'organizationId',
  'projectId',
  'conventionId',
  'forumId',
  'amount',
  'quantity',
  'quantityUnit',
  'dueDate',
  'status',
  'statusReasonCode',
  'statusNote',
  'fulfilledAmount',
  'fulfilledQuantity',
  'fulfilledOn',
  'fulfilment',
] as const;

type AuditedCommitment = CommitmentEntity & { fulfilment: Partial<CommitmentFulfilmentEntity> | null };

/** The relations a commitment may name, as DataLoaders batch them. */
export type CommitmentLink = 'projectId' | 'conventionId' | 'forumId';
const LINK_COLUMNS: Record<CommitmentLink, string> = {
  projectId: 'commitment.project_id',
  conventionId: 'commitment.convention_id',
  forumId: 'commitment.forum_id',
};

@Injectable()
export class CommitmentService {
  constructor(
    @InjectRepository(CommitmentEntity) private readonly commitments: Repository<CommitmentEntity>,
    private readonly territories: TerritoryService,
    private readonly organizations: OrganizationService,
    private readonly projects: ProjectService,
    private readonly forums: ForumService,
    private readonly conventions: ConventionService,
  ) {}

  /** A page of the commitments the reader may read, filtered and counted in SQL with the reader's rules. */
  async list(ability: AppAbility, args: CommitmentsArgs): Promise<Connection<CommitmentEntity>> {
    const { query, sort } = await this.listQuery(ability, args);
    return paginate(query, args, sort);
  }

  /** The filtered, scoped and ordered query behind the list and its CSV export. */
  async listQuery(
    ability: AppAbility,
    { filter: givenFilter, orderBy }: Pick<CommitmentsArgs, 'filter' | 'orderBy'>,
  ): Promise<ListQuery<CommitmentEntity>> {
    // A client may send `filter: null` as well as leave it out.
    const filter = givenFilter ?? {};
    const query = this.commitments.createQueryBuilder('commitment');
    accessibleBy(query, ability, 'read', 'Commitment');
    if (filter.territoryCode !== undefined && filter.territoryCode !== null) {
      whereCommitmentInTerritory(query, await filterTerritory(this.territories, filter.territoryCode));
    }
    if (filter.organizationId) {
      query.andWhere('commitment.organization_id = :organizationId', {
        organizationId: filter.organizationId,
      });
    }
    if (filter.status?.length)
      query.andWhere('commitment.status IN (:...statuses)', { statuses: filter.status });
    if (filter.kind?.length) query.andWhere('commitment.kind IN (:...kinds)', { kinds: filter.kind });
    if (filter.late !== undefined && filter.late !== null) {
      query.andWhere(
        filter.late ? commitmentLateSql('commitment') : `NOT ${commitmentLateSql('commitment')}`,
      );
    }
    if (filter.dueBefore) query.andWhere('commitment.due_date < :dueBefore', { dueBefore: filter.dueBefore });
    for (const link of Object.keys(LINK_COLUMNS) as CommitmentLink[]) {
      const id = filter[link];
      if (id) query.andWhere(`${LINK_COLUMNS[link]} = :${link}`, { [link]: id });
    }
    if (filter.search?.trim()) {
      query.andWhere('commitment.title ILIKE :search', { search: containsPattern(filter.search.trim()) });
    }
    const key = SORT_KEYS[orderBy?.field ?? CommitmentOrderField.DUE_DATE];
    return { query, sort: { ...key, direction: orderBy?.direction ?? OrderDirection.ASC } };
  }

  /** One commitment, or NOT_FOUND, whether it does not exist or lies outside the reader's scope. */
  async get(
    ability: AppAbility,
    id: string,
    manager: EntityManager = this.commitments.manager,
  ): Promise<CommitmentEntity> {
    const commitment = await manager.findOneBy(CommitmentEntity, { id });
    if (!commitment || !ability.can('read', subject('Commitment', { ...commitment }))) {
      throw new NotFoundError('Commitment');
    }
    return commitment;
  }

  /** For the subject registry: the commitments among `ids` the reader may read, in one statement. */
  readableByIds(ability: AppAbility, ids: readonly string[]): Promise<CommitmentEntity[]> {
    return this.readableLinkedTo(ability, 'id', ids);
  }

  /**
   * For DataLoaders: the readable commitments naming any of `ids` (projects, conventions or forums),
   * by due date, in one statement filtered by the reader's rules.
   */
  readableLinkedTo(
    ability: AppAbility,
    link: CommitmentLink | 'id',
    ids: readonly string[],
  ): Promise<CommitmentEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const query = this.commitments.createQueryBuilder('commitment');
    accessibleBy(query, ability, 'read', 'Commitment');
    const column = link === 'id' ? 'commitment.id' : LINK_COLUMNS[link];
    return query
      .andWhere(`${column} IN (:...ids)`, { ids: [...ids] })
      .orderBy('commitment.due_date')
      .addOrderBy('commitment.id')
      .getMany();
  }

  /** For DataLoaders: the declarations of commitments the reader already holds, oldest first. */
  fulfilmentsOf(commitmentIds: readonly string[]): Promise<CommitmentFulfilmentEntity[]> {
    return this.commitments.manager.find(CommitmentFulfilmentEntity, {
      where: { commitmentId: In([...commitmentIds]) },
      order: { declaredAt: 'ASC', id: 'ASC' },
    });
  }

  /** For DataLoaders: the due-date moves of commitments the reader already holds, oldest first. */
  dueDateChangesOf(commitmentIds: readonly string[]): Promise<CommitmentDueDateChangeEntity[]> {
    return this.commitments.manager.find(CommitmentDueDateChangeEntity, {
      where: { commitmentId: In([...commitmentIds]) },
      order: { changedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Ministry and admin (the rule `create Commitment`). Its scope columns follow its project (region
   * and province), else its convention's or forum's region; the client never sets them.
   */
  async create(actor: Actor, ability: AppAbility, input: CreateCommitmentInput): Promise<CommitmentEntity> {
    const problems: FieldProblem[] = figureProblems(
      input.amount ?? null,
      input.quantity ?? null,
      input.quantityUnit,
    );
    if (input.dueDate < todayInMorocco()) problems.push({ field: 'dueDate', key: 'validation.dateInPast' });
    const [organization] = await this.organizations.findByIds([input.organizationId]);
    if (!organization || !ability.can('read', subject('Organization', { ...organization }))) {
      problems.push(unknownReference('organizationId', 'Organization'));
    }
    const [project] = input.projectId ? await this.projects.readableByIds(ability, [input.projectId]) : [];
    if (input.projectId && !project) problems.push(unknownReference('projectId', 'Project'));
    const [convention] = input.conventionId
      ? await this.conventions.readableByIds(ability, [input.conventionId])
      : [];
    if (input.conventionId && !convention) problems.push(unknownReference('conventionId', 'Convention'));
    const [forum] = input.forumId ? await this.forums.readableByIds(ability, [input.forumId]) : [];
    if (input.forumId && !forum) problems.push(unknownReference('forumId', 'Forum'));
    if (problems.length) throw new BadUserInputError(problems);

    const values = {
      title: input.title,
      description: input.description ?? '',
      kind: input.kind,
      organizationId: input.organizationId,
      projectId: project?.id ?? null,
      conventionId: convention?.id ?? null,
      forumId: forum?.id ?? null,
      regionCode: project?.regionCode ?? convention?.regionCode ?? forum?.regionCode ?? null,
      provinceCode: project?.provinceCode ?? null,
      amount: input.amount ?? null,
      quantity: input.quantity ?? null,
      quantityUnit: input.quantity ? (input.quantityUnit ?? null) : null,
      dueDate: input.dueDate,
      originalDueDate: input.dueDate,
      status: 'PLANNED' as const,
      createdByUserId: actor.userId,
    };
    if (!ability.can('create', subject('Commitment', { ...values }))) throw new ForbiddenError();
    return this.commitments.manager.transaction(async (manager) => {
      const { identifiers } = await manager.insert(CommitmentEntity, values);
      const commitment = await manager.findOneByOrFail(CommitmentEntity, {
        id: identifiers[0]['id'] as string,
      });
      await this.audit(manager, actor, 'createCommitment', null, commitment);
      return commitment;
    });
  }

  /**
   * The terms (title, figures, due date, cancellation) are the ministry's and an admin's (the rule
   * `update Commitment`); the committing organisation may only start the work (the rule `report`).
   * Moving the due date needs a reason and is kept in the history; the status may only start or be
   * cancelled (with a reason) here; a commitment closed or awaiting verification does not change.
   */
  update(actor: Actor, ability: AppAbility, input: UpdateCommitmentInput): Promise<CommitmentEntity> {
    const { id, version, ...change } = input;
    const mayChange = (row: CommitmentEntity) => {
      const tagged = subject('Commitment', { ...row });
      return (
        ability.can('update', tagged) || (onlyStartsWork(row.status, change) && ability.can('report', tagged))
      );
    };
    return this.write(ability, id, version, mayChange, async (manager, before) => {
      throwIf([lockedProblem('id', before.status)]);
      const status = input.status ?? before.status;
      const amount = input.amount === undefined ? before.amount : input.amount;
      const quantity = input.quantity === undefined ? before.quantity : input.quantity;
      const quantityUnit = input.quantityUnit === undefined ? before.quantityUnit : input.quantityUnit;
      const newDueDate =
        input.dueDate !== undefined && input.dueDate !== before.dueDate ? input.dueDate : null;
      throwIf([
        ...statusChangeProblems(before.status, status, input.reasonCode),
        ...figureProblems(amount, quantity, quantityUnit),
        newDueDate && !input.reasonCode ? { field: 'reasonCode', key: 'validation.reasonRequired' } : null,
      ]);

      const changes: QueryDeepPartialEntity<CommitmentEntity> = {
        title: input.title,
        description: input.description,
        amount,
        quantity,
        quantityUnit: quantity === null ? null : quantityUnit,
        dueDate: input.dueDate,
      };
      if (status !== before.status) {
        changes.status = status;
        if (status === 'CANCELLED') {
          Object.assign(changes, { statusReasonCode: input.reasonCode, statusNote: input.note ?? null });
        }
      }
      const after = await updateVersioned(
        manager,
        CommitmentEntity,
        before.id,
        before.version,
        definedOnly(changes),
      );
      if (newDueDate && input.reasonCode) {
        await manager.insert(CommitmentDueDateChangeEntity, {
          commitmentId: before.id,
          changedByUserId: actor.userId,
          previousDueDate: before.dueDate,
          newDueDate,
          reasonCode: input.reasonCode,
          note: input.note ?? '',
        });
        await publishChange(manager, actor.userId, 'COMMITMENT_DUE_DATE_MOVED', after, {
          from: before.dueDate,
          to: newDueDate,
          reasonCode: input.reasonCode,
        });
      }
      await this.audit(manager, actor, 'updateCommitment', before, after);
      return after;
    });
  }

  /**
   * Step 1 of closing (PRODUCT.md): a user of the committing organisation (or an admin) declares all
   * or part of it done, with a note as evidence (the rule `report`). A ministry official declares only
   * the ministry's own commitments, never on a partner's behalf: the ministry's part is step 2.
   */
  declareFulfilment(
    actor: Actor,
    ability: AppAbility,
    input: DeclareFulfilmentInput,
  ): Promise<CommitmentEntity> {
    const mayDeclare = (row: CommitmentEntity) => ability.can('report', subject('Commitment', { ...row }));
    return this.write(ability, input.commitmentId, input.version, mayDeclare, async (manager, before) => {
      throwIf([lockedProblem('commitmentId', before.status)]);
      const share = declaredShare(before, input);
      const after = await updateVersioned(manager, CommitmentEntity, before.id, before.version, {
        status: 'DECLARED',
      });
      const declaration = {
        commitmentId: before.id,
        declaredByUserId: actor.userId,
        amount: share.amount,
        quantity: share.quantity,
        complete: input.complete,
        note: input.note,
      };
      await manager.insert(CommitmentFulfilmentEntity, declaration);
      await this.audit(manager, actor, 'declareCommitmentFulfilment', before, after, {
        before: null,
        after: declaration,
      });
      await publishChange(manager, actor.userId, 'COMMITMENT_DECLARED', after, {
        organizationId: after.organizationId,
        ...share,
        complete: input.complete,
      });
      return after;
    });
  }

  /**
   * Step 2: a ministry official (the rule `verify Commitment`) accepts the pending declaration, whose
   * figures then count as fulfilled, or sends it back to IN_PROGRESS with the reason in the note.
   */
  verifyFulfilment(
    actor: Actor,
    ability: AppAbility,
    input: VerifyFulfilmentInput,
  ): Promise<CommitmentEntity> {
    const mayVerify = (row: CommitmentEntity) => ability.can('verify', subject('Commitment', { ...row }));
    return this.write(ability, input.commitmentId, input.version, mayVerify, async (manager, before) => {
      const note = input.note?.trim() || null;
      const pending =
        before.status === 'DECLARED'
          ? await manager.findOne(CommitmentFulfilmentEntity, {
              where: { commitmentId: before.id, accepted: IsNull() },
              order: { declaredAt: 'DESC' },
            })
          : null;
      if (!pending) {
        throw new BadUserInputError([{ field: 'commitmentId', key: 'validation.notAwaitingVerification' }]);
      }
      // Sending back says why: the organisation must know what to do next.
      throwIf([input.accepted || note ? null : { field: 'note', key: 'validation.reasonRequired' }]);

      const changes: QueryDeepPartialEntity<CommitmentEntity> = input.accepted
        ? { ...acceptFulfilment(before, pending), fulfilledOn: todayInMorocco(pending.declaredAt) }
        : { status: 'IN_PROGRESS', statusReasonCode: null, statusNote: note };
      const after = await updateVersioned(manager, CommitmentEntity, before.id, before.version, changes);
      const verification = {
        verifiedByUserId: actor.userId,
        verifiedAt: new Date(),
        accepted: input.accepted,
        verificationNote: note,
      };
      await manager.update(CommitmentFulfilmentEntity, { id: pending.id }, verification);
      await this.audit(manager, actor, 'verifyCommitmentFulfilment', before, after, {
        before: pending,
        after: { ...pending, ...verification },
      });
      await (input.accepted
        ? publishChange(manager, actor.userId, 'COMMITMENT_VERIFIED', after, { status: after.status })
        : publishChange(manager, actor.userId, 'COMMITMENT_SENT_BACK', after, { note: note ?? '' }));
      return after;
    });
  }

  /**
   * Every write on one commitment, in one transaction: NOT_FOUND if the writer cannot read it,
   * FORBIDDEN if they may not make this change, CONFLICT if the version they read is stale (checked
   * early here, and enforced by the conditional UPDATE of `updateVersioned`).
   */
  private write(
    ability: AppAbility,
    id: string,
    version: number,
    permitted: (row: CommitmentEntity) => boolean,
    change: (manager: EntityManager, before: CommitmentEntity) => Promise<CommitmentEntity>,
  ): Promise<CommitmentEntity> {
    return this.commitments.manager.transaction(async (manager) => {
      const before = await this.get(ability, id, manager);
      if (!permitted(before)) throw new ForbiddenError();
      if (before.version !== version) throw new ConflictError();
      return change(manager, before);
    });
  }

  private audit(
    manager: EntityManager,
    actor: Actor,
    operation: string,
    before: CommitmentEntity | null,
    after: CommitmentEntity,
    fulfilment?: {
      before: Partial<CommitmentFulfilmentEntity> | null;
      after: Partial<CommitmentFulfilmentEntity>;
    },
  ): Promise<void> {
    return recordAudit<AuditedCommitment>(manager, {
      actorUserId: actor.userId,
      operation,
      subjectType: 'COMMITMENT',
      subjectId: after.id,
      fields: AUDITED_FIELDS,
      before: before && { ...before, fulfilment: fulfilment?.before ?? null },
      after: { ...after, fulfilment: fulfilment?.after ?? null },
    });
  }
}

/** An amount, a quantity or both; a quantity says what it counts. */
function figureProblems(
  amount: string | null,
  quantity: string | null,
  quantityUnit: string | null | undefined,
): FieldProblem[] {
  if (amount === null && quantity === null)
    return [{ field: 'amount', key: 'validation.amountOrQuantityRequired' }];
  return quantity !== null && !quantityUnit ? [{ field: 'quantityUnit', key: 'validation.isNotEmpty' }] : [];
}

/** BAD_USER_INPUT with every problem found, if any. */
function throwIf(problems: (FieldProblem | null)[]): void {
  const found = problems.filter((problem): problem is FieldProblem => problem !== null);
  if (found.length) throw new BadUserInputError(found);
}
