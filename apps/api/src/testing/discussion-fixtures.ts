import { CommentEntity } from '@convergence/server/discussion';
import { OutboxEventEntity } from '@convergence/server/outbox';
import { UserEntity } from '@convergence/server/users';
import type { DataSource } from 'typeorm';
import { insertForum } from './action-fixtures';
import { createUser, type CreatedUser } from './factories';
import {
  createProjectFixture,
  MARRAKECH_COMMUNE,
  organizationIdNamed,
  SAO_CASABLANCA,
  SAO_MARRAKECH,
  userIdOf,
} from './project-fixtures';

export const LYDEC = 'Lydec — Lyonnaise des Eaux de Casablanca';
export const REGION_CASABLANCA_COUNCIL = 'Conseil de la Région Casablanca-Settat';

/** The demo personas the discussion tests sign in as (PRODUCT.md). */
export const PERSONAS = ['admin', 'ministere', 'elu', 'sao', 'prefecture', 'elu.marrakech', 'lydec'] as const;
export type Persona = (typeof PERSONAS)[number];

export const emailOf = (persona: Persona) => `${persona}@demo.convergence.ma`;

export interface DiscussionFixtures {
  /** Led by SAO Casablanca-Settat with Lydec as partner, in Casablanca. */
  casablancaProjectId: string;
  /** Led by SAO Marrakech-Safi, in Marrakech: out of the Casablanca personas' scope. */
  marrakechProjectId: string;
  /** A Casablanca-Settat forum: no organisation answers for a forum, so no formal question. */
  forumId: string;
  /** The demo personas' user ids. */
  userIds: Record<Persona, string>;
  /** A second user of SAO Casablanca-Settat, and a deactivated one. */
  saoColleague: CreatedUser;
  saoInactive: CreatedUser;
}

/** Subjects of the tests' own (the demo projects may change under other tests), and a few extra users. */
export async function createDiscussionFixtures(dataSource: DataSource): Promise<DiscussionFixtures> {
  const casablanca = await createProjectFixture(dataSource, {
    codePrefix: 'DSC',
    values: { partnerOrganizationIds: [await organizationIdNamed(dataSource, LYDEC)] },
  });
  const marrakech = await createProjectFixture(dataSource, {
    codePrefix: 'DSC',
    lead: SAO_MARRAKECH,
    communeCode: MARRAKECH_COMMUNE,
  });
  const forumId = await insertForum(dataSource, {
    title: 'Forum de suivi des commentaires',
    heldOn: '2090-05-01',
    regionCode: '06',
    participants: [REGION_CASABLANCA_COUNCIL],
  });
  const userIds = {} as Record<Persona, string>;
  for (const persona of PERSONAS) userIds[persona] = await userIdOf(dataSource, emailOf(persona));
  const saoColleague = await createUser(dataSource, {
    organizationName: SAO_CASABLANCA,
    role: 'SUBSIDIARY_MANAGER',
  });
  const saoInactive = await createUser(dataSource, {
    organizationName: SAO_CASABLANCA,
    role: 'SUBSIDIARY_MANAGER',
  });
  await dataSource.getRepository(UserEntity).update({ id: saoInactive.id }, { active: false });
  return {
    casablancaProjectId: casablanca.id,
    marrakechProjectId: marrakech.id,
    forumId,
    userIds,
    saoColleague,
    saoInactive,
  };
}

/** A project of its own, for a test that needs to know every comment on its subject. */
export async function createQuietProject(dataSource: DataSource): Promise<string> {
  return (await createProjectFixture(dataSource, { codePrefix: 'DSQ' })).id;
}

/**
 * Threads inserted straight into the table, a second apart so that their order is known: each with
 * `repliesEach` replies and mentioning `mentionUserIds`.
 */
export async function insertThreads(
  dataSource: DataSource,
  subject: { subjectType: CommentEntity['subjectType']; subjectId: string },
  options: { count: number; repliesEach: number; authorUserIds: string[]; mentionUserIds: string[] },
): Promise<void> {
  const start = Date.now() - 3_600_000;
  const repository = dataSource.getRepository(CommentEntity);
  for (let thread = 0; thread < options.count; thread += 1) {
    const author = (index: number) => options.authorUserIds[index % options.authorUserIds.length];
    const { identifiers } = await repository.insert({
      ...subject,
      authorUserId: author(thread),
      body: `Fil ${thread}`,
      mentionUserIds: options.mentionUserIds,
      createdAt: new Date(start + thread * 1000),
    });
    if (options.repliesEach === 0) continue;
    await repository.insert(
      Array.from({ length: options.repliesEach }, (_, reply) => ({
        ...subject,
        parentId: identifiers[0]['id'] as string,
        authorUserId: author(thread + reply + 1),
        body: `Réponse ${reply} au fil ${thread}`,
        mentionUserIds: options.mentionUserIds,
        createdAt: new Date(start + thread * 1000 + reply + 1),
      })),
    );
  }
}

/** The outbox events written about a subject, oldest first. */
export function outboxEventsAbout(dataSource: DataSource, subjectId: string): Promise<OutboxEventEntity[]> {
  return dataSource
    .getRepository(OutboxEventEntity)
    .find({ where: { subjectId }, order: { createdAt: 'ASC' } });
}
