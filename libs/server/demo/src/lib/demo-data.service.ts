import { Injectable, Logger } from '@nestjs/common';

import { todayInMorocco } from '@convergence/server/core';
import { OrganizationEntity, scopeOfTerritory } from '@convergence/server/organizations';
import { TerritoryEntity } from '@convergence/server/territories';
import { hashPassword, UserEntity } from '@convergence/server/users';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  DEMO_ACCOUNTS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  FORUM_REGION_CODE,
  type DemoOrganization,
} from './demo-organizations';
import { DemoStory, type DemoStoryCounts } from './demo-story';

const AUTHORITY_KINDS = { PREFECTURE: 'Préfecture', PROVINCE: 'Province' } as const;

export type DemoSeedResult = { organizations: number; users: number } & DemoStoryCounts;

/**
 * Loads the demo organisations, accounts and story (DemoStory), in one transaction, idempotently
 * (matched by name, e-mail, code or title). Only ever called in demo mode: demo accounts never
 * reach a production database.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(private readonly dataSource: DataSource) {}

  async hasOrganizations(): Promise<boolean> {
    return this.dataSource.getRepository(OrganizationEntity).exists();
  }

  /** `today` (YYYY-MM-DD) dates the story's late, due and recent events; Morocco's today by default. */
  async seed(today = todayInMorocco()): Promise<DemoSeedResult> {
    const started = performance.now();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const result = await this.dataSource.transaction(async (manager) => {
      const organizations = [...DEMO_ORGANIZATIONS, ...(await this.authoritiesOfForumRegion(manager))];
      const byName = await this.upsertOrganizations(manager, organizations);
      const { added, ids } = await this.insertMissingAccounts(manager, byName, passwordHash);
      const story = await new DemoStory(manager, byName, ids, today).load();
      return { organizations: byName.size, users: added, ...story };
    });
    this.logger.log(
      `Demo data in ${Math.round(performance.now() - started)} ms: ${result.organizations} organisations, ` +
        `${result.users} new accounts, ${result.projects} new projects (${result.progressReports} reports), ` +
        `${result.forums} forums, ${result.conventions} conventions, ${result.commitments} commitments, ` +
        `${result.actions} actions, ${result.comments} comments`,
    );
    return result;
  }

  /** Adds the demo accounts not there yet; returns how many, and the id of every demo account by e-mail. */
  private async insertMissingAccounts(
    manager: EntityManager,
    organizations: Map<string, OrganizationEntity>,
    passwordHash: string,
  ): Promise<{ added: number; ids: Map<string, string> }> {
    const users = manager.getRepository(UserEntity);
    const emails = DEMO_ACCOUNTS.map((a) => a.email);
    const existing = new Set((await users.findBy({ email: In(emails) })).map((user) => user.email));
    const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.email));
    if (missing.length) {
      await users.insert(
        missing.map((account) => {
          const organization = organizations.get(account.organization);
          if (!organization)
            throw new Error(`demo account ${account.email}: no organisation "${account.organization}"`);
          return {
            email: account.email,
            displayName: account.displayName,
            role: account.role,
            locale: account.locale,
            organizationId: organization.id,
            passwordHash,
          };
        }),
      );
    }
    const ids = new Map((await users.findBy({ email: In(emails) })).map((user) => [user.email, user.id]));
    return { added: missing.length, ids };
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
    const names = organizations.map((o) => o.name);
    const existing = new Set((await repository.findBy({ name: In(names) })).map((o) => o.name));
    const missing = organizations.filter((organization) => !existing.has(organization.name));
    if (missing.length) {
      await repository.insert(
        missing.map((organization) => {
          const territory = organization.territoryCode ? territories.get(organization.territoryCode) : null;
          if (organization.territoryCode && !territory) {
            throw new Error(
              `demo organisation ${organization.name}: territory ${organization.territoryCode} is not imported`,
            );
          }
          return {
            name: organization.name,
            acronym: organization.acronym ?? null,
            kind: organization.kind,
            territoryCode: organization.territoryCode ?? null,
            ...scopeOfTerritory(territory ?? null),
          };
        }),
      );
    }
    return new Map((await repository.findBy({ name: In(names) })).map((o) => [o.name, o]));
  }
}
