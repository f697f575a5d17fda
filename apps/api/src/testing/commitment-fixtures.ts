import {
  CommitmentDueDateChangeEntity,
  CommitmentEntity,
  CommitmentFulfilmentEntity,
  ConventionEntity,
} from '@convergence/server/commitments';
import { todayInMorocco } from '@convergence/server/core';
import { ForumEntity } from '@convergence/server/forums';
import { OrganizationEntity } from '@convergence/server/organizations';
import { ProjectEntity } from '@convergence/server/projects';
import type { CommitmentKind, CommitmentStatus } from '@convergence/shared/domain';
import type { DataSource } from 'typeorm';

/** Demo organisations the fixtures use (libs/server/demo/src/lib/demo-organizations.ts). */
export const ORGANIZATIONS = {
  ministry:
    "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville",
  holding: 'Groupe Al Omrane',
  regionCS: 'Conseil de la Région Casablanca-Settat',
  saoCS: 'Société Al Omrane Casablanca-Settat',
  regionMS: 'Conseil de la Région Marrakech-Safi',
  saoMS: 'Société Al Omrane Marrakech-Safi',
  prefectureCasablanca: 'Préfecture de Casablanca',
} as const;
export type OrganizationKey = keyof typeof ORGANIZATIONS;

/** A calendar date `days` from today in Morocco (negative: in the past), as YYYY-MM-DD. */
export function moroccoDay(days: number): string {
  const today = new Date(`${todayInMorocco()}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() + days);
  return today.toISOString().slice(0, 10);
}

let sequence = 0;
/** A code or title no demo row and no other fixture uses. */
export function uniqueName(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

/**
 * Rows of its own for a test file, inserted directly (not through the API under test), so that tests
 * never depend on the demo projects, conventions or commitments another helper may rewrite.
 */
export class CommitmentFixtures {
  private readonly organizationIds = new Map<OrganizationKey, string>();

  constructor(private readonly dataSource: DataSource) {}

  async organizationId(key: OrganizationKey): Promise<string> {
    let id = this.organizationIds.get(key);
    if (!id) {
      id = (
        await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ name: ORGANIZATIONS[key] })
      ).id;
      this.organizationIds.set(key, id);
    }
    return id;
  }

  /** A project in the first commune of `provinceCode`, led by `lead`. */
  async project(provinceCode: string, lead: OrganizationKey): Promise<ProjectEntity> {
    const [commune]: { code: string; region_code: string }[] = await this.dataSource.query(
      "SELECT code, region_code FROM territory WHERE kind = 'COMMUNE' AND province_code = $1 ORDER BY code LIMIT 1",
      [provinceCode],
    );
    const repository = this.dataSource.getRepository(ProjectEntity);
    const { identifiers } = await repository.insert({
      code: uniqueName('FX-P'),
      title: 'Projet de test',
      type: 'SOCIAL_HOUSING',
      communeCode: commune.code,
      regionCode: commune.region_code,
      provinceCode,
      leadOrganizationId: await this.organizationId(lead),
      status: 'WORKS',
      budget: '10000000.00',
    });
    return repository.findOneByOrFail({ id: identifiers[0]['id'] as string });
  }

  async forum(regionCode: string | null): Promise<ForumEntity> {
    const repository = this.dataSource.getRepository(ForumEntity);
    const { identifiers } = await repository.insert({
      title: uniqueName('Forum de test'),
      theme: 'Convergence',
      heldOn: moroccoDay(-30),
      place: 'Casablanca',
      regionCode,
      provinceCode: null,
    });
    return repository.findOneByOrFail({ id: identifiers[0]['id'] as string });
  }

  async convention(options: {
    code?: string;
    regionCode: string | null;
    parties: OrganizationKey[];
    projects?: ProjectEntity[];
    forum?: ForumEntity;
  }): Promise<ConventionEntity> {
    const repository = this.dataSource.getRepository(ConventionEntity);
    const { identifiers } = await repository.insert({
      code: options.code ?? uniqueName('FX-C'),
      title: 'Convention de test',
      regionCode: options.regionCode,
      provinceCode: null,
      partyOrganizationIds: await Promise.all(options.parties.map((key) => this.organizationId(key))),
      projectIds: (options.projects ?? []).map((project) => project.id),
      forumId: options.forum?.id ?? null,
    });
    return repository.findOneByOrFail({ id: identifiers[0]['id'] as string });
  }

  /** A commitment whose scope follows its project, else its convention's or forum's region (as the service sets it). */
  async commitment(options: {
    title: string;
    organization: OrganizationKey;
    dueDate: string;
    project?: ProjectEntity;
    convention?: ConventionEntity;
    forum?: ForumEntity;
    status?: CommitmentStatus;
    kind?: CommitmentKind;
    amount?: string | null;
    quantity?: string | null;
  }): Promise<CommitmentEntity> {
    const repository = this.dataSource.getRepository(CommitmentEntity);
    const quantity = options.quantity ?? null;
    const { identifiers } = await repository.insert({
      title: options.title,
      kind: options.kind ?? 'FUNDING',
      organizationId: await this.organizationId(options.organization),
      projectId: options.project?.id ?? null,
      conventionId: options.convention?.id ?? null,
      forumId: options.forum?.id ?? null,
      regionCode:
        options.project?.regionCode ?? options.convention?.regionCode ?? options.forum?.regionCode ?? null,
      provinceCode: options.project?.provinceCode ?? null,
      amount: options.amount === undefined ? '1000000.00' : options.amount,
      quantity,
      quantityUnit: quantity === null ? null : 'ha',
      dueDate: options.dueDate,
      originalDueDate: options.dueDate,
      status: options.status ?? 'PLANNED',
    });
    return repository.findOneByOrFail({ id: identifiers[0]['id'] as string });
  }

  /** A verified declaration and a due-date move by `userId`, so that every history field has something to show. */
  async history(commitment: CommitmentEntity, userId: string): Promise<void> {
    await this.dataSource.getRepository(CommitmentFulfilmentEntity).insert({
      commitmentId: commitment.id,
      declaredByUserId: userId,
      amount: '1000.00',
      complete: false,
      note: 'Fixture',
      verifiedByUserId: userId,
      verifiedAt: new Date(),
      accepted: false,
      verificationNote: 'Fixture',
    });
    await this.dataSource.getRepository(CommitmentDueDateChangeEntity).insert({
      commitmentId: commitment.id,
      changedByUserId: userId,
      previousDueDate: commitment.dueDate,
      newDueDate: commitment.dueDate,
      reasonCode: 'OTHER',
    });
  }
}
