import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  accessibleBy,
  BadUserInputError,
  ConflictError,
  definedOnly,
  ForbiddenError,
  NotFoundError,
  updateVersioned,
  type FieldProblem,
  uniqueViolationAs,
} from '@convergence/server/core';
import { TerritoryService } from '@convergence/server/territories';
import type { AppAbility, OrganizationKind, TerritorialScope } from '@convergence/shared/domain';
import { In, Repository, type EntityManager } from 'typeorm';
import type {
  CreateOrganizationInput,
  UpdateOrganizationArgs,
  UpdateOrganizationInput,
} from './inputs/organization-write.inputs';
import { OrganizationEntity } from './organization.entity';
import { scopeOfTerritory } from './organization-scope';

/** PostgreSQL's unique_violation, and the index that keeps organisation names unique. */
const NAME_INDEX = 'organization_name_key';
const NAME_TAKEN: FieldProblem = { field: 'name', key: 'validation.organizationNameTaken' };

type OrganizationValues = Partial<
  Pick<OrganizationEntity, 'name' | 'acronym' | 'kind' | 'territoryCode'> & TerritorialScope
>;

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
    if (filter.territoryCode !== undefined && filter.territoryCode !== null) {
      const subtree = await this.territories.subtree(filter.territoryCode);
      query.innerJoin('o.territory', 't').andWhere('t.path LIKE :pattern', { pattern: subtree.pathPattern });
    }
    return query.getMany();
  }

  /**
   * Administrators only (`manage Organization`). Its territory of competence sets its scope columns,
   * and so what its users may see.
   */
  async create(ability: AppAbility, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    if (!ability.can('manage', 'Organization')) throw new ForbiddenError();
    const values = await this.checkedValues({ ...input, territoryCode: input.territoryCode ?? null });
    // A name taken meanwhile (checked first, inserted by someone else) answers the same.
    return this.organizations.manager
      .transaction(async (manager) => {
        await this.assertNameFree(manager, input.name, null);
        const { identifiers } = await manager.insert(OrganizationEntity, {
          acronym: null,
          ...values,
        });
        return manager.findOneByOrFail(OrganizationEntity, { id: identifiers[0]['id'] as string });
      })
      .catch(uniqueViolationAs(NAME_INDEX, NAME_TAKEN));
  }

  /**
   * The fields given, behind the version read. Moving its territory moves what its users see at once
   * (their sessions read the organisation on every request).
   */
  async update(
    ability: AppAbility,
    { id, version, input }: UpdateOrganizationArgs,
  ): Promise<OrganizationEntity> {
    if (!ability.can('manage', 'Organization')) throw new ForbiddenError();
    const changes = await this.checkedValues(input);
    return this.organizations.manager
      .transaction(async (manager) => {
        const before = await manager.findOneBy(OrganizationEntity, { id });
        if (!before) throw new NotFoundError('Organization');
        if (before.version !== version) throw new ConflictError();
        if (Object.keys(changes).length === 0) return before;
        if (changes.name !== undefined) await this.assertNameFree(manager, changes.name, id);
        return updateVersioned(manager, OrganizationEntity, id, version, changes);
      })
      .catch(uniqueViolationAs(NAME_INDEX, NAME_TAKEN));
  }

  /** The given fields; a territory must exist, and brings its scope. Absent fields stay absent. */
  private async checkedValues(
    input: CreateOrganizationInput | UpdateOrganizationInput,
  ): Promise<OrganizationValues> {
    let scope: Partial<TerritorialScope> = {};
    if (input.territoryCode) {
      const territory = await this.territories.findByCode(input.territoryCode);
      if (!territory) {
        throw new BadUserInputError([
          { field: 'territoryCode', key: 'validation.unknownReference', params: { subject: 'Territory' } },
        ]);
      }
      scope = scopeOfTerritory(territory);
    } else if (input.territoryCode === null) {
      scope = scopeOfTerritory(null);
    }
    return definedOnly({
      name: input.name,
      acronym: input.acronym,
      kind: input.kind,
      territoryCode: input.territoryCode,
      ...scope,
    });
  }

  /** Names are unique whatever their case: "Commune de X" and "commune de x" would be one too many. */
  private async assertNameFree(manager: EntityManager, name: string, exceptId: string | null): Promise<void> {
    const query = manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('lower(o.name) = lower(:name)', { name });
    if (exceptId) query.andWhere('o.id <> :exceptId', { exceptId });
    if (await query.getExists()) throw new BadUserInputError([NAME_TAKEN]);
  }

  /** For DataLoaders: organisations by id, without a permission check (the caller already has the row that names them). */
  findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.organizations.findBy({ id: In([...ids]) });
  }
}
