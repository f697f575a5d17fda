import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { accessibleBy } from '@convergence/server/core';
import { TerritoryService } from '@convergence/server/territories';
import type { AppAbility, OrganizationKind } from '@convergence/shared/domain';
import { In, Repository } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

export interface OrganizationFilter {
  kind?: OrganizationKind;
  /** That territory and everything under it (organisations competent there). */
  territoryCode?: string;
}

@Injectable()
export class OrganizationService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly territories: TerritoryService,
  ) {}

  /** The organisations the reader may read, filtered in SQL by the reader's own permission rules. */
  async list(ability: AppAbility, filter: OrganizationFilter): Promise<OrganizationEntity[]> {
    const query = this.organizations.createQueryBuilder('o').orderBy('o.name');
    accessibleBy(query, ability, 'read', 'Organization');
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.territoryCode !== undefined) {
      const subtree = await this.territories.subtree(filter.territoryCode);
      query.innerJoin('o.territory', 't').andWhere('t.path LIKE :pattern', { pattern: subtree.pathPattern });
    }
    return query.getMany();
  }

  /** For DataLoaders: organisations by id, without a permission check (the caller already has the row that names them). */
  findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.organizations.findBy({ id: In([...ids]) });
  }
}
