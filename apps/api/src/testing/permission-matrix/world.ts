import { randomUUID } from 'node:crypto';
import { ActionEntity } from '@convergence/server/actions';
import { AuditEventEntity } from '@convergence/server/audit';
import {
  CommitmentEntity,
  CommitmentFulfilmentEntity,
  ConventionEntity,
} from '@convergence/server/commitments';
import { DEMO_ACCOUNTS, ORG } from '@convergence/server/demo';
import { CommentEntity } from '@convergence/server/discussion';
import { ForumEntity } from '@convergence/server/forums';
import { OrganizationEntity } from '@convergence/server/organizations';
import { ProjectEntity } from '@convergence/server/projects';
import { TerritoryEntity } from '@convergence/server/territories';
import { UserEntity } from '@convergence/server/users';
import type { CommitmentStatus, Locale, Role, SubjectType } from '@convergence/shared/domain';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { moroccoDay } from '../commitment-fixtures';

/** What a request may come to (PRODUCT.md, "Who may do what"; API.md for the shapes of a refusal). */
export type Outcome = 'ALLOWED' | 'HIDDEN' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/**
 * Where the object of a case lies, seen from the persona:
 * - `inside`: their territory (Préfecture de Casablanca, in Casablanca-Settat; Marrakech-Safi for its
 *   elected official), and their organisation's where a rule says "their org's" (the committing or
 *   responsible organisation; a partner contributor, who reads where its organisation takes part,
 *   is a partner of it);
 * - `outside`: the other region, without their organisation;
 * - `inside, not theirs`: their territory, readable by them, but another organisation's: only for
 *   the operations whose rule is "their org's" (or, for a comment's, "own": another user's).
 */
export type Scope = 'inside' | 'outside' | 'inside, not theirs';

export const PERSONAS = [
  'anonymous',
  'admin',
  'ministere',
  'elu',
  'sao',
  'prefecture',
  'elu.marrakech',
  'lydec',
] as const;
export type PersonaKey = (typeof PERSONAS)[number];

export interface Persona {
  key: PersonaKey;
  /** Null for the anonymous visitor, who has no account. */
  email: string | null;
  organization: string | null;
  role: Role | null;
  locale: Locale | null;
  home: PlaceKey;
}

/** The demo accounts of libs/server/demo (PRODUCT.md, "Demo data"), all with the demo password. */
export function persona(key: PersonaKey): Persona {
  const home: PlaceKey = key === 'elu.marrakech' ? 'MS' : 'CS';
  if (key === 'anonymous') return { key, email: null, organization: null, role: null, locale: null, home };
  const account = DEMO_ACCOUNTS.find((a) => a.email === `${key}@demo.convergence.ma`);
  if (!account) throw new Error(`no demo account for ${key}`);
  return {
    key,
    email: account.email,
    organization: account.organization,
    role: account.role,
    locale: account.locale,
    home,
  };
}

export type PlaceKey = 'CS' | 'MS';

export interface Place {
  key: PlaceKey;
  regionCode: string;
  provinceCode: string;
  communeCode: string;
  /** The Al Omrane subsidiary of the region: it leads the region's projects. */
  subsidiary: string;
  /** The regional council. */
  council: string;
  /** An organisation of the region that no persona of that region belongs to. */
  neighbour: string;
}

/** A commune of the Préfecture de Casablanca (06.141), and one of the Préfecture de Marrakech (07.351). */
const PLACES: Record<PlaceKey, Omit<Place, 'regionCode' | 'provinceCode'>> = {
  CS: {
    key: 'CS',
    communeCode: '06.141.01.0',
    subsidiary: ORG.saoCS,
    council: ORG.regionCS,
    neighbour: ORG.wilayaCS,
  },
  MS: {
    key: 'MS',
    communeCode: '07.351.01.0',
    subsidiary: ORG.saoMS,
    council: ORG.regionMS,
    neighbour: ORG.saoMS,
  },
};

/** One object of each kind per region, for the reads (see `planReads`). */
export interface ReadFixtures {
  project: string;
  projectCode: string;
  auditEvent: string;
  commitment: string;
  commitmentTitle: string;
  /** Who owes the commitment: the scorecard of the region has a row for it. */
  committingOrganization: string;
  action: string;
  actionTitle: string;
  forum: string;
  /** The forum is the only one held that day. */
  forumHeldOn: string;
  convention: string;
  conventionCode: string;
  /** A comment on the project, by the visitor. */
  comment: string;
}

export interface World {
  places: Record<PlaceKey, Place>;
  organizationId(name: string): string;
  /** The persona's home, or the other region for `outside`. */
  placeOf(persona: Persona, scope: Scope | null): Place;
  reads: Record<PlaceKey, ReadFixtures>;
  /**
   * An account of its own for the anonymous visitor's sign-in cases; no persona is this user, so its
   * comments and notifications are "another user's" for every persona.
   */
  visitor: { email: string; password: string };
  /** The user id of an account (a demo persona's or the visitor's), by e-mail. */
  userIdOf(email: string): string;
}

/** Organisation ids and the territory columns of the two places, read once. */
export async function loadWorld(
  dataSource: DataSource,
  visitor: World['visitor'],
): Promise<Omit<World, 'reads'>> {
  const organizations = await dataSource.getRepository(OrganizationEntity).find();
  const ids = new Map(organizations.map((o) => [o.name, o.id]));
  const users = await dataSource.getRepository(UserEntity).find({ select: { id: true, email: true } });
  const userIds = new Map(users.map((u) => [u.email, u.id]));
  const places = {} as Record<PlaceKey, Place>;
  for (const place of Object.values(PLACES)) {
    const commune = await dataSource
      .getRepository(TerritoryEntity)
      .findOneByOrFail({ code: place.communeCode });
    if (!commune.provinceCode) throw new Error(`${place.communeCode} has no province`);
    places[place.key] = { ...place, regionCode: commune.regionCode, provinceCode: commune.provinceCode };
  }
  return {
    places,
    visitor,
    organizationId(name) {
      const id = ids.get(name);
      if (!id) throw new Error(`no demo organisation "${name}"`);
      return id;
    },
    userIdOf(email) {
      const id = userIds.get(email);
      if (!id) throw new Error(`no user "${email}"`);
      return id;
    },
    placeOf(persona, scope) {
      const key = scope === 'outside' ? (persona.home === 'CS' ? 'MS' : 'CS') : persona.home;
      return places[key];
    },
  };
}

let sequence = 0;
/** A code or title no demo row and no other case uses (searches find exactly it). */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

/**
 * Rows for every case, inserted together in one transaction (one INSERT per table) before the
 * tests run, with ids chosen here so that each case knows its own. Inserted straight into the tables,
 * scope columns set as the services set them: the api's rules are what the matrix exercises.
 */
export class FixturePlan {
  private readonly projects: QueryDeepPartialEntity<ProjectEntity>[] = [];
  private readonly forums: QueryDeepPartialEntity<ForumEntity>[] = [];
  private readonly conventions: QueryDeepPartialEntity<ConventionEntity>[] = [];
  private readonly commitments: QueryDeepPartialEntity<CommitmentEntity>[] = [];
  private readonly fulfilments: QueryDeepPartialEntity<CommitmentFulfilmentEntity>[] = [];
  private readonly actions: QueryDeepPartialEntity<ActionEntity>[] = [];
  private readonly auditEvents: QueryDeepPartialEntity<AuditEventEntity>[] = [];
  private readonly comments: QueryDeepPartialEntity<CommentEntity>[] = [];

  constructor(private readonly world: Omit<World, 'reads'>) {}

  private ids(names: readonly string[]): string[] {
    return names.map((name) => this.world.organizationId(name));
  }

  /** A project in the place's commune, under works at 40 %, on schedule. */
  project(place: Place, options: { lead: string; partners?: string[]; code?: string }): string {
    const id = randomUUID();
    const code = options.code ?? unique('PM-P');
    this.projects.push({
      id,
      code,
      title: `Projet ${code}`,
      type: 'SOCIAL_HOUSING',
      communeCode: place.communeCode,
      regionCode: place.regionCode,
      provinceCode: place.provinceCode,
      leadOrganizationId: this.world.organizationId(options.lead),
      partnerOrganizationIds: this.ids(options.partners ?? []),
      status: 'WORKS',
      physicalProgress: '40',
      budget: '100000000.00',
      spentAmount: '40000000.00',
      startDate: moroccoDay(-365),
      plannedEndDate: moroccoDay(730),
      lastReportedAt: new Date(),
    });
    return id;
  }

  /**
   * A commitment of `organization` in the place's prefecture (on `project` if given), due in 60 days;
   * DECLARED ones come with the declaration awaiting the ministry's verification.
   */
  commitment(
    place: Place,
    options: { organization: string; title?: string; project?: string; status?: CommitmentStatus },
  ): string {
    const id = randomUUID();
    const dueDate = moroccoDay(60);
    const status = options.status ?? 'PLANNED';
    this.commitments.push({
      id,
      title: options.title ?? unique('PM-C'),
      kind: 'FUNDING',
      organizationId: this.world.organizationId(options.organization),
      projectId: options.project ?? null,
      regionCode: place.regionCode,
      provinceCode: place.provinceCode,
      amount: '1000000.00',
      dueDate,
      originalDueDate: dueDate,
      status,
    });
    if (status === 'DECLARED') {
      this.fulfilments.push({
        commitmentId: id,
        amount: '1000000.00',
        complete: true,
        note: 'Virement effectué',
      });
    }
    return id;
  }

  /** An OPEN action in the place's commune, due in 30 days. */
  action(place: Place, options: { responsible: string; contributors?: string[]; title?: string }): string {
    const id = randomUUID();
    this.actions.push({
      id,
      title: options.title ?? unique('PM-A'),
      responsibleOrganizationId: this.world.organizationId(options.responsible),
      contributorOrganizationIds: this.ids(options.contributors ?? []),
      territoryCode: place.communeCode,
      regionCode: place.regionCode,
      provinceCode: place.provinceCode,
      dueDate: moroccoDay(30),
      priority: 'MEDIUM',
      status: 'OPEN',
    });
    return id;
  }

  /** A forum held for the place's region. */
  forum(place: Place, options: { participants?: string[]; heldOn?: string }): string {
    const id = randomUUID();
    this.forums.push({
      id,
      title: unique('PM-F'),
      theme: 'Les centres émergents, outil d’équilibre socio-spatial',
      heldOn: options.heldOn ?? '2092-01-01',
      place: place.key === 'CS' ? 'Casablanca' : 'Marrakech',
      regionCode: place.regionCode,
      provinceCode: null,
      participantOrganizationIds: this.ids(options.participants ?? []),
      resolutions: [],
    });
    return id;
  }

  /** A convention of the place's region. */
  convention(place: Place, options: { parties: string[]; projects?: string[]; code?: string }): string {
    const id = randomUUID();
    const code = options.code ?? unique('PM-V');
    this.conventions.push({
      id,
      code,
      title: `Convention ${code}`,
      regionCode: place.regionCode,
      provinceCode: null,
      partyOrganizationIds: this.ids(options.parties),
      projectIds: options.projects ?? [],
    });
    return id;
  }

  /** An event in a project's audit trail, by the platform. */
  auditEvent(projectId: string): string {
    const id = randomUUID();
    this.auditEvents.push({
      id,
      actorUserId: null,
      action: 'UPDATE',
      operation: 'importProjects',
      subjectType: 'PROJECT',
      subjectId: projectId,
      changes: { budget: ['90000000.00', '100000000.00'] },
    });
    return id;
  }

  /**
   * A comment on a subject by `author`, written straight into the table: also one the api could not
   * have taken (by a persona, on a subject it may not read).
   */
  comment(subjectType: SubjectType, subjectId: string, author: string): string {
    const id = randomUUID();
    this.comments.push({ id, subjectType, subjectId, authorUserId: author, body: unique('PM-COMMENT') });
    return id;
  }

  /**
   * The read fixtures of a place. In Casablanca-Settat, Lydec (the partner contributor's utility)
   * takes part in each (partner, committing organisation, contributor, participant, party) and none of
   * the other personas' organisations does, so that the others read them by territory only; in
   * Marrakech-Safi, only its subsidiary is involved.
   */
  reads(place: Place): ReadFixtures {
    const involved = place.key === 'CS' ? [ORG.lydec] : [];
    const committing = place.key === 'CS' ? ORG.lydec : ORG.saoMS;
    const projectCode = unique('PM-READ');
    const project = this.project(place, {
      code: projectCode,
      lead: place.key === 'CS' ? ORG.holding : ORG.saoMS,
      partners: involved,
    });
    const commitmentTitle = unique('PM-READ-C');
    const actionTitle = unique('PM-READ-A');
    const conventionCode = unique('PM-READ-V');
    const forumHeldOn = place.key === 'CS' ? '2091-06-01' : '2091-06-02';
    return {
      project,
      projectCode,
      auditEvent: this.auditEvent(project),
      commitment: this.commitment(place, { organization: committing, title: commitmentTitle, project }),
      commitmentTitle,
      committingOrganization: this.world.organizationId(committing),
      action: this.action(place, {
        title: actionTitle,
        responsible: place.key === 'CS' ? ORG.communeCasablanca : ORG.saoMS,
        contributors: involved,
      }),
      actionTitle,
      forum: this.forum(place, { participants: involved, heldOn: forumHeldOn }),
      forumHeldOn,
      convention: this.convention(place, {
        code: conventionCode,
        parties: [place.subsidiary, ...involved],
        projects: [project],
      }),
      conventionCode,
      comment: this.comment('PROJECT', project, this.world.userIdOf(this.world.visitor.email)),
    };
  }

  /** Everything planned, in one transaction, parents first. */
  async insert(dataSource: DataSource): Promise<void> {
    await dataSource.transaction(async (manager) => {
      const batches: [new () => object, QueryDeepPartialEntity<object>[]][] = [
        [ProjectEntity, this.projects],
        [ForumEntity, this.forums],
        [ConventionEntity, this.conventions],
        [CommitmentEntity, this.commitments],
        [CommitmentFulfilmentEntity, this.fulfilments],
        [ActionEntity, this.actions],
        [AuditEventEntity, this.auditEvents],
        [CommentEntity, this.comments],
      ];
      for (const [entity, rows] of batches) if (rows.length) await manager.insert(entity, rows);
    });
  }
}
