import { Injectable, Logger } from '@nestjs/common';

import { OrganizationEntity, scopeOfTerritory } from '@convergence/server/organizations';
import { ProgrammeEntity, ProjectEntity } from '@convergence/server/projects';
import { TerritoryEntity } from '@convergence/server/territories';
import { hashPassword, UserEntity } from '@convergence/server/users';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DEMO_PROGRAMMES, DEMO_PROJECTS } from './demo-projects';
import {
  DEMO_ACCOUNTS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  FORUM_REGION_CODE,
  type DemoOrganization,
} from './demo-organizations';

const AUTHORITY_KINDS = { PREFECTURE: 'Préfecture', PROVINCE: 'Province' } as const;

/**
 * Loads the demo organisations and accounts, in one transaction, idempotently (matched by name and
 * e-mail). Only ever called in demo mode: demo accounts never reach a production database.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(private readonly dataSource: DataSource) {}

  async hasOrganizations(): Promise<boolean> {
    return this.dataSource.getRepository(OrganizationEntity).exists();
  }

  async seed(): Promise<{ organizations: number; users: number; projects: number }> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    return this.dataSource.transaction(async (manager) => {
      const organizations = [...DEMO_ORGANIZATIONS, ...(await this.authoritiesOfForumRegion(manager))];
      const byName = await this.upsertOrganizations(manager, organizations);
      const users = manager.getRepository(UserEntity);
      const existing = new Set(
        (await users.findBy({ email: In(DEMO_ACCOUNTS.map((a) => a.email)) })).map((user) => user.email),
      );
      const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.email));
      for (const account of missing) {
        const organization = byName.get(account.organization);
        if (!organization)
          throw new Error(`demo account ${account.email}: no organisation "${account.organization}"`);
        await users.insert({
          email: account.email,
          displayName: account.displayName,
          role: account.role,
          locale: account.locale,
          organizationId: organization.id,
          passwordHash,
        });
      }
      const projects = await this.insertMissingProjects(manager, byName);
      this.logger.log(
        `Demo data: ${byName.size} organisations, ${missing.length} new accounts, ${projects} new projects`,
      );
      return { organizations: byName.size, users: missing.length, projects };
    });
  }

  /** The demo programmes and projects whose codes are not there yet; returns how many projects it added. */
  private async insertMissingProjects(
    manager: EntityManager,
    organizations: Map<string, OrganizationEntity>,
  ): Promise<number> {
    const programmes = manager.getRepository(ProgrammeEntity);
    const existingProgrammes = new Set((await programmes.find()).map((p) => p.code));
    await programmes.insert(
      DEMO_PROGRAMMES.filter((p) => !existingProgrammes.has(p.code)).map((p) => ({ ...p })),
    );
    const programmeIds = new Map((await programmes.find()).map((p) => [p.code, p.id]));

    const repository = manager.getRepository(ProjectEntity);
    const existing = new Set(
      (await repository.findBy({ code: In(DEMO_PROJECTS.map((p) => p.code)) })).map((p) => p.code),
    );
    const missing = DEMO_PROJECTS.filter((project) => !existing.has(project.code));
    const communes = new Map(
      (await manager.getRepository(TerritoryEntity).findBy({ code: In(missing.map((p) => p.commune)) })).map(
        (t) => [t.code, t],
      ),
    );
    const organizationId = (name: string) => {
      const organization = organizations.get(name);
      if (!organization) throw new Error(`demo project: no organisation "${name}"`);
      return organization.id;
    };
    for (const project of missing) {
      const commune = communes.get(project.commune);
      if (!commune?.provinceCode)
        throw new Error(`demo project ${project.code}: unknown commune ${project.commune}`);
      await repository.insert({
        code: project.code,
        title: project.title,
        type: project.type,
        programmeId: programmeIds.get(project.programme) ?? null,
        communeCode: commune.code,
        regionCode: commune.regionCode,
        provinceCode: commune.provinceCode,
        leadOrganizationId: organizationId(project.lead),
        partnerOrganizationIds: project.partners.map(organizationId),
        status: project.status,
        physicalProgress: project.progress,
        budget: project.budget,
        spentAmount: project.spent,
        housingUnitsPlanned: project.housingPlanned ?? 0,
        housingUnitsDelivered: project.housingDelivered ?? 0,
        householdsTargeted: project.householdsTargeted ?? 0,
        householdsRelocated: project.householdsRelocated ?? 0,
        hectares: project.hectares ?? '0',
        startDate: project.start,
        plannedEndDate: project.plannedEnd,
        actualEndDate: project.actualEnd ?? null,
      });
    }
    return missing.length;
  }

  /** "Préfecture de Casablanca", "Province de Settat"…: the authorities of the forum's region. */
  private async authoritiesOfForumRegion(manager: EntityManager): Promise<DemoOrganization[]> {
    const territories = await manager.getRepository(TerritoryEntity).find({
      where: { parentCode: FORUM_REGION_CODE, kind: In(Object.keys(AUTHORITY_KINDS)) },
      order: { code: 'ASC' },
    });
    return territories.map((territory) => ({
      name: `${AUTHORITY_KINDS[territory.kind as keyof typeof AUTHORITY_KINDS]} de ${territory.nameFr}`,
      kind: territory.kind as 'PREFECTURE' | 'PROVINCE',
      territoryCode: territory.code,
    }));
  }

  private async upsertOrganizations(
    manager: EntityManager,
    organizations: DemoOrganization[],
  ): Promise<Map<string, OrganizationEntity>> {
    const repository = manager.getRepository(OrganizationEntity);
    const territories = new Map(
      (
        await manager.getRepository(TerritoryEntity).findBy({
          code: In(organizations.flatMap((o) => (o.territoryCode ? [o.territoryCode] : []))),
        })
      ).map((t) => [t.code, t]),
    );
    const existing = new Map(
      (await repository.findBy({ name: In(organizations.map((o) => o.name)) })).map((o) => [o.name, o]),
    );
    for (const organization of organizations) {
      if (existing.has(organization.name)) continue;
      const territory = organization.territoryCode ? territories.get(organization.territoryCode) : null;
      if (organization.territoryCode && !territory) {
        throw new Error(
          `demo organisation ${organization.name}: territory ${organization.territoryCode} is not imported`,
        );
      }
      const saved = await repository.save(
        repository.create({
          name: organization.name,
          acronym: organization.acronym ?? null,
          kind: organization.kind,
          territoryCode: organization.territoryCode ?? null,
          ...scopeOfTerritory(territory ?? null),
        }),
      );
      existing.set(saved.name, saved);
    }
    return existing;
  }
}
