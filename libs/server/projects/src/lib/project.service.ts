import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import {
  accessibleBy,
  NotFoundError,
  OrderDirection,
  paginate,
  type Connection,
  type SortKey,
} from '@convergence/server/core';
import { TerritoryService } from '@convergence/server/territories';
import type { AppAbility } from '@convergence/shared/domain';
import { In, Repository } from 'typeorm';
import { ProjectOrderField, type ProjectsArgs } from './inputs/projects.args';
import { ProgrammeEntity } from './programme.entity';
import { ProjectEntity } from './project.entity';

const SORT_KEYS: Record<ProjectOrderField, Omit<SortKey<ProjectEntity>, 'direction'>> = {
  CODE: { expression: 'project.code', valueOf: (p) => p.code },
  TITLE: { expression: 'project.title', valueOf: (p) => p.title },
  BUDGET: { expression: 'project.budget', valueOf: (p) => p.budget },
  PHYSICAL_PROGRESS: { expression: 'project.physical_progress', valueOf: (p) => p.physicalProgress },
  UPDATED_AT: { expression: 'project.updated_at', valueOf: (p) => p.updatedAt },
};

/** `%` and `_` typed by a person are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class ProjectService {
  constructor(
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    private readonly territories: TerritoryService,
  ) {}

  /** A page of the projects the reader may read, filtered and counted in SQL with the reader's rules. */
  async list(
    ability: AppAbility,
    { filter = {}, orderBy, ...page }: ProjectsArgs,
  ): Promise<Connection<ProjectEntity>> {
    const query = this.projects.createQueryBuilder('project');
    accessibleBy(query, ability, 'read', 'Project');
    if (filter.territoryCode !== undefined) {
      const subtree = await this.territories.subtree(filter.territoryCode);
      query.andWhere(
        'project.commune_code IN (SELECT t.code FROM territory t WHERE t.path LIKE :territoryPattern)',
        { territoryPattern: subtree.pathPattern },
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
    if (filter.search?.trim()) {
      query.andWhere('(project.code ILIKE :search OR project.title ILIKE :search)', {
        search: likePattern(filter.search.trim()),
      });
    }
    const key = SORT_KEYS[orderBy?.field ?? ProjectOrderField.CODE];
    return paginate(query, page, { ...key, direction: orderBy?.direction ?? OrderDirection.ASC });
  }

  /** One project, or NOT_FOUND, whether it does not exist or lies outside the reader's scope. */
  async get(ability: AppAbility, id: string): Promise<ProjectEntity> {
    const project = await this.projects.findOneBy({ id });
    if (!project || !ability.can('read', subject('Project', { ...project })))
      throw new NotFoundError('Project');
    return project;
  }

  /** For DataLoaders: programmes are reference data every signed-in user reads. */
  findProgrammes(ids: readonly string[]): Promise<ProgrammeEntity[]> {
    return this.programmes.findBy({ id: In([...ids]) });
  }
}
