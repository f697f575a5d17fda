import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import {
  accessibleBy,
  containsPattern,
  definedOnly,
  uniqueValues,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  OrderDirection,
  paginate,
  type ListQuery,
  updateVersioned,
  type Actor,
  type Connection,
  type FieldProblem,
  type SortKey,
  uniqueViolationAs,
} from '@convergence/server/core';
import { OrganizationService } from '@convergence/server/organizations';
import { TerritoryService, whereTerritoryInSubtree } from '@convergence/server/territories';
import { HEALTHS, type AppAbility, type Health } from '@convergence/shared/domain';
import { In, Repository, type EntityManager } from 'typeorm';
import type {
  CreateProjectInput,
  MilestoneUpdateInput,
  UpdateProjectArgs,
} from './inputs/project-write.inputs';
import { ProjectOrderField, type ProjectsArgs } from './inputs/projects.args';
import { ProgrammeEntity } from './programme.entity';
import { auditedMilestones, auditProject } from './project-audit';
import { projectHealthSql } from './project-health';
import { ProjectMilestoneEntity } from './project-milestone.entity';
import { endBeforeStart, slipWithoutReason } from './project-rules';
import { ProjectEntity } from './project.entity';

/** Health by severity, for sorting: no health (delivered, cancelled) first, OFF_TRACK last. */
const HEALTH_SEVERITY: Record<Health, number> = { ON_TRACK: 1, AT_RISK: 2, OFF_TRACK: 3 };
const NO_HEALTH_SEVERITY = 0;
const HEALTH_SEVERITY_SQL = `CASE ${projectHealthSql('project')} ${HEALTHS.map(
  (health) => `WHEN '${health}' THEN ${HEALTH_SEVERITY[health]}`,
).join(' ')} ELSE ${NO_HEALTH_SEVERITY} END`;

const SORT_KEYS: Record<ProjectOrderField, Omit<SortKey<ProjectEntity>, 'direction'>> = {
  CODE: { expression: 'project.code', valueOf: (p) => p.code },
  TITLE: { expression: 'project.title', valueOf: (p) => p.title },
  BUDGET: { expression: 'project.budget', valueOf: (p) => p.budget },
  PHYSICAL_PROGRESS: { expression: 'project.physical_progress', valueOf: (p) => p.physicalProgress },
  // Cursors carry milliseconds; PostgreSQL keeps microseconds, so the order must use the same precision.
  UPDATED_AT: { expression: "date_trunc('milliseconds', project.updated_at)", valueOf: (p) => p.updatedAt },
  // The virtual `health` column is computed by the same statement, so the cursor agrees with the order.
  HEALTH: {
    expression: HEALTH_SEVERITY_SQL,
    valueOf: (p) => (p.health ? HEALTH_SEVERITY[p.health] : NO_HEALTH_SEVERITY),
  },
};

/** The rows that other rows of a project refer to, as a create or an update names them. */
interface ProjectReferences {
  communeCode?: string;
  leadOrganizationId?: string;
  partnerOrganizationIds?: string[];
  programmeId?: string | null;
}

/** What the references checks found: the problems, and the scope columns the commune implies. */
interface CheckedReferences {
  problems: FieldProblem[];
  scope: Pick<ProjectEntity, 'regionCode' | 'provinceCode'> | null;
}

@Injectable()
export class ProjectService {
  constructor(
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    @InjectRepository(ProjectMilestoneEntity) private readonly milestones: Repository<ProjectMilestoneEntity>,
    private readonly territories: TerritoryService,
    private readonly organizations: OrganizationService,
  ) {}

  /** A page of the projects the reader may read, filtered and counted in SQL with the reader's rules. */
  async list(ability: AppAbility, args: ProjectsArgs): Promise<Connection<ProjectEntity>> {
    const { query, sort } = await this.listQuery(ability, args);
    return paginate(query, args, sort);
  }

  /** The filtered, scoped and ordered query behind the list and its CSV export. */
  async listQuery(
    ability: AppAbility,
    { filter: givenFilter, orderBy }: Pick<ProjectsArgs, 'filter' | 'orderBy'>,
  ): Promise<ListQuery<ProjectEntity>> {
    // A client may send `filter: null` as well as leave it out.
    const filter = givenFilter ?? {};
    const query = this.projects.createQueryBuilder('project');
    accessibleBy(query, ability, 'read', 'Project');
    if (filter.territoryCode !== undefined && filter.territoryCode !== null) {
      whereTerritoryInSubtree(
        query,
        'project.commune_code',
        await this.territories.subtree(filter.territoryCode),
      );
    }
    if (filter.status?.length)
      query.andWhere('project.status IN (:...statuses)', { statuses: filter.status });
    if (filter.type?.length) query.andWhere('project.type IN (:...types)', { types: filter.type });
    if (filter.programmeId)
      query.andWhere('project.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.leadOrganizationId) {
      query.andWhere('project.lead_organization_id = :leadId', { leadId: filter.leadOrganizationId });
    }
    if (filter.health?.length) {
      query.andWhere(`${projectHealthSql('project')} IN (:...healths)`, { healths: filter.health });
    }
    if (filter.search?.trim()) {
      query.andWhere('(project.code ILIKE :search OR project.title ILIKE :search)', {
        search: containsPattern(filter.search.trim()),
      });
    }
    const key = SORT_KEYS[orderBy?.field ?? ProjectOrderField.CODE];
    return { query, sort: { ...key, direction: orderBy?.direction ?? OrderDirection.ASC } };
  }

  /** One project, or NOT_FOUND, whether it does not exist or lies outside the reader's scope. */
  async get(ability: AppAbility, id: string): Promise<ProjectEntity> {
    const project = await this.projects.findOneBy({ id });
    if (!project || !ability.can('read', subject('Project', { ...project })))
      throw new NotFoundError('Project');
    return project;
  }

  /**
   * The project a write is about, read in the write's transaction: NOT_FOUND when the writer may not
   * even read it (it must look as if it did not exist), FORBIDDEN when they may read but not change
   * it, CONFLICT when it changed since the version they read. The write itself still goes through
   * `updateVersioned`, which catches a concurrent writer between this read and the update.
   */
  async getForWrite(
    manager: EntityManager,
    ability: AppAbility,
    id: string,
    version: number,
  ): Promise<ProjectEntity> {
    const project = await manager.findOneBy(ProjectEntity, { id });
    if (!project || !ability.can('read', subject('Project', { ...project })))
      throw new NotFoundError('Project');
    if (!ability.can('update', subject('Project', { ...project }))) throw new ForbiddenError();
    if (project.version !== version) throw new ConflictError();
    return project;
  }

  /**
   * For DataLoaders and other domains: the projects among `ids` the reader may read, in one
   * statement filtered by the reader's rules; unreadable and unknown ids are simply absent.
   */
  readableByIds(ability: AppAbility, ids: readonly string[]): Promise<ProjectEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const query = this.projects.createQueryBuilder('project');
    accessibleBy(query, ability, 'read', 'Project');
    return query.andWhere('project.id IN (:...ids)', { ids: [...ids] }).getMany();
  }

  /** For DataLoaders: programmes are reference data every signed-in user reads. */
  findProgrammes(ids: readonly string[]): Promise<ProgrammeEntity[]> {
    return this.programmes.findBy({ id: In([...ids]) });
  }

  /** For DataLoaders: the milestones of projects the caller already read, in plan order. */
  milestonesOf(projectIds: readonly string[]): Promise<ProjectMilestoneEntity[]> {
    return this.milestones.find({
      where: { projectId: In([...projectIds]) },
      order: { projectId: 'ASC', position: 'ASC' },
    });
  }

  /**
   * A new project. The rules check the complete row (a subsidiary manager may only create projects
   * its organisation leads); the scope columns follow from the commune, never from the client.
   */
  async create(actor: Actor, ability: AppAbility, input: CreateProjectInput): Promise<ProjectEntity> {
    const partnerOrganizationIds = uniqueValues(input.partnerOrganizationIds ?? []);
    const { problems, scope } = await this.checkedReferences({ ...input, partnerOrganizationIds });
    problems.push(...endBeforeStart(input.startDate, input.plannedEndDate));
    if (problems.length || !scope) throw new BadUserInputError(problems);
    const row: Omit<ProjectEntity, 'id' | 'health' | 'createdAt' | 'updatedAt' | 'version'> = {
      code: input.code,
      title: input.title,
      description: input.description ?? '',
      type: input.type,
      programmeId: input.programmeId ?? null,
      communeCode: input.communeCode,
      ...scope,
      leadOrganizationId: input.leadOrganizationId,
      partnerOrganizationIds,
      status: input.status ?? 'PROGRAMMED',
      physicalProgress: '0',
      budget: input.budget,
      spentAmount: '0',
      housingUnitsPlanned: input.keyFigures?.housingUnitsPlanned ?? 0,
      housingUnitsDelivered: 0,
      householdsTargeted: input.keyFigures?.householdsTargeted ?? 0,
      householdsRelocated: 0,
      hectares: input.keyFigures?.hectares ?? '0',
      startDate: input.startDate,
      plannedEndDate: input.plannedEndDate,
      actualEndDate: null,
      latitude: input.location?.lat ?? null,
      longitude: input.location?.lng ?? null,
      lastReportedAt: null,
    };
    if (!ability.can('create', subject('Project', { ...row }))) throw new ForbiddenError();
    return this.projects.manager.transaction(async (manager) => {
      const id = await insertProject(manager, row);
      const milestones = await replaceMilestones(manager, id, input.milestones ?? []);
      const created = await manager.findOneByOrFail(ProjectEntity, { id });
      await auditProject(manager, actor, 'createProject', null, {
        ...created,
        milestones: auditedMilestones(milestones),
      });
      return created;
    });
  }

  /**
   * Changes the descriptive fields, partners, budget, planned figures, dates, location and milestones
   * of a project; status and progress change only through progress reports. A later planned end
   * needs a reason, kept in the audit trail.
   */
  async update(
    actor: Actor,
    ability: AppAbility,
    { id, version, input }: UpdateProjectArgs,
  ): Promise<ProjectEntity> {
    const partnerOrganizationIds = input.partnerOrganizationIds && uniqueValues(input.partnerOrganizationIds);
    const references = await this.checkedReferences({
      partnerOrganizationIds,
      programmeId: input.programmeId,
    });
    const changes: Partial<ProjectEntity> = {
      title: input.title ?? undefined,
      description: input.description ?? undefined,
      type: input.type ?? undefined,
      programmeId: input.programmeId,
      partnerOrganizationIds,
      budget: input.budget ?? undefined,
      housingUnitsPlanned: input.keyFigures?.housingUnitsPlanned ?? undefined,
      householdsTargeted: input.keyFigures?.householdsTargeted ?? undefined,
      hectares: input.keyFigures?.hectares ?? undefined,
      startDate: input.startDate ?? undefined,
      plannedEndDate: input.plannedEndDate ?? undefined,
      // `location: null` clears it; absent leaves it.
      latitude: input.location === undefined ? undefined : (input.location?.lat ?? null),
      longitude: input.location === undefined ? undefined : (input.location?.lng ?? null),
    };
    const given = definedOnly(changes);
    return this.projects.manager.transaction(async (manager) => {
      const before = await this.getForWrite(manager, ability, id, version);
      const milestonesBefore = await manager.find(ProjectMilestoneEntity, {
        where: { projectId: id },
        order: { position: 'ASC' },
      });
      const problems = [
        ...references.problems,
        ...endBeforeStart(given.startDate ?? before.startDate, given.plannedEndDate ?? before.plannedEndDate),
        ...slipWithoutReason(before.plannedEndDate, given.plannedEndDate ?? undefined, input.reasonCode),
        ...unknownMilestones(input.milestones, milestonesBefore),
      ];
      if (problems.length) throw new BadUserInputError(problems);
      if (!ability.can('update', subject('Project', { ...before, ...given }))) throw new ForbiddenError();
      const after = await updateVersioned(manager, ProjectEntity, id, version, given);
      const milestonesAfter = input.milestones
        ? await replaceMilestones(manager, id, input.milestones)
        : milestonesBefore;
      await auditProject(
        manager,
        actor,
        'updateProject',
        { ...before, milestones: auditedMilestones(milestonesBefore), reasonCode: null },
        { ...after, milestones: auditedMilestones(milestonesAfter), reasonCode: input.reasonCode ?? null },
      );
      return after;
    });
  }

  /**
   * The rows a create or update names must exist: the commune (a commune, not a province), the lead
   * and partner organisations, the programme. Absent references are not checked.
   */
  private async checkedReferences(references: ProjectReferences): Promise<CheckedReferences> {
    const problems: FieldProblem[] = [];
    let scope: CheckedReferences['scope'] = null;
    if (references.communeCode !== undefined) {
      const commune = await this.territories.findByCode(references.communeCode);
      if (!commune) {
        problems.push({
          field: 'communeCode',
          key: 'validation.unknownReference',
          params: { subject: 'Territory' },
        });
      } else if (commune.kind !== 'COMMUNE' || !commune.provinceCode) {
        problems.push({ field: 'communeCode', key: 'validation.communeExpected' });
      } else {
        scope = { regionCode: commune.regionCode, provinceCode: commune.provinceCode };
      }
    }
    const { leadOrganizationId, partnerOrganizationIds = [] } = references;
    const organizationIds = uniqueValues([
      ...(leadOrganizationId ? [leadOrganizationId] : []),
      ...partnerOrganizationIds,
    ]);
    if (organizationIds.length) {
      const found = new Set((await this.organizations.findByIds(organizationIds)).map((o) => o.id));
      const unknownOrganization = {
        key: 'validation.unknownReference',
        params: { subject: 'Organization' },
      } as const;
      if (leadOrganizationId && !found.has(leadOrganizationId)) {
        problems.push({ field: 'leadOrganizationId', ...unknownOrganization });
      }
      if (partnerOrganizationIds.some((partner) => !found.has(partner))) {
        problems.push({ field: 'partnerOrganizationIds', ...unknownOrganization });
      }
    }
    if (references.programmeId && (await this.findProgrammes([references.programmeId])).length === 0) {
      problems.push({
        field: 'programmeId',
        key: 'validation.unknownReference',
        params: { subject: 'Programme' },
      });
    }
    return { problems, scope };
  }
}

/** Inserts the row; a code already taken (even by a concurrent create) is a field problem, not a crash. */
async function insertProject(
  manager: EntityManager,
  row: Omit<ProjectEntity, 'id' | 'health' | 'createdAt' | 'updatedAt' | 'version'>,
): Promise<string> {
  try {
    const { identifiers } = await manager.insert(ProjectEntity, row);
    return identifiers[0]['id'] as string;
  } catch (error) {
    return uniqueViolationAs('project_code_key', { field: 'code', key: 'validation.codeTaken' })(error);
  }
}

/** An edited list may only keep milestones of this project, each once. */
function unknownMilestones(
  list: readonly MilestoneUpdateInput[] | undefined,
  existing: readonly ProjectMilestoneEntity[],
): FieldProblem[] {
  const available = new Set(existing.map((m) => m.id));
  return (list ?? []).flatMap((milestone, index) => {
    if (!milestone.id) return [];
    if (available.delete(milestone.id)) return [];
    return [
      {
        field: `milestones.${index}.id`,
        key: 'validation.unknownReference',
        params: { subject: 'Milestone' },
      } satisfies FieldProblem,
    ];
  });
}

/**
 * Replaces a project's milestones by `list`, in its order. Kept milestones keep their id, so that a
 * client holding the list still recognises them.
 */
async function replaceMilestones(
  manager: EntityManager,
  projectId: string,
  list: readonly (MilestoneUpdateInput | Omit<MilestoneUpdateInput, 'id'>)[],
): Promise<ProjectMilestoneEntity[]> {
  await manager.delete(ProjectMilestoneEntity, { projectId });
  if (list.length === 0) return [];
  await manager.insert(
    ProjectMilestoneEntity,
    list.map((milestone, position) => ({
      ...('id' in milestone && milestone.id ? { id: milestone.id } : {}),
      projectId,
      position,
      title: milestone.title,
      plannedDate: milestone.plannedDate,
      actualDate: milestone.actualDate ?? null,
    })),
  );
  return manager.find(ProjectMilestoneEntity, { where: { projectId }, order: { position: 'ASC' } });
}
