import { ActionEntity } from '@convergence/server/actions';
import {
  CommitmentDueDateChangeEntity,
  CommitmentEntity,
  CommitmentFulfilmentEntity,
  ConventionEntity,
} from '@convergence/server/commitments';
import { CommentEntity } from '@convergence/server/discussion';
import { ForumEntity } from '@convergence/server/forums';
import { FollowEntity } from '@convergence/server/notifications';
import type { OrganizationEntity } from '@convergence/server/organizations';
import {
  ProgrammeEntity,
  ProjectEntity,
  ProjectMilestoneEntity,
  ProjectProgressReportEntity,
} from '@convergence/server/projects';
import { TerritoryEntity } from '@convergence/server/territories';
import {
  In,
  type EntityManager,
  type EntityTarget,
  type FindOptionsSelect,
  type FindOptionsWhere,
  type QueryDeepPartialEntity,
} from 'typeorm';
import { demoActions } from './demo-actions';
import { DemoCalendar, addDays } from './demo-calendar';
import { answeredAt, demoComments, questionDueAt, type DemoComment } from './demo-comments';
import { buildCommitmentHistory } from './demo-commitments';
import { demoConventions } from './demo-conventions';
import { demoForums, type DemoForumKey } from './demo-forums';
import { buildJournal, type BuiltJournal } from './demo-journals';
import { DEMO_ACCOUNTS } from './demo-organizations';
import { DEMO_PROGRAMMES, demoProjects } from './demo-projects';

/** How many rows of each kind a seed added (zero everywhere on a second seed). */
export interface DemoStoryCounts {
  projects: number;
  progressReports: number;
  milestones: number;
  forums: number;
  conventions: number;
  commitments: number;
  fulfilments: number;
  dueDateChanges: number;
  actions: number;
  /** Comments and replies. */
  comments: number;
}

interface DemoForumRef {
  id: string;
  heldOn: string;
}

/** The verifying ministry official of the story. */
const VERIFIER_EMAIL = 'ministere@demo.convergence.ma';

/**
 * Inserts, in one statement, the rows whose `key` is not in the table yet (a second seed adds
 * nothing); returns the id of every row by key, and the keys it inserted.
 */
async function insertMissing<E extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  key: keyof E & string,
  rows: QueryDeepPartialEntity<E>[],
): Promise<{ idOf: Map<string, string>; inserted: Set<string> }> {
  const repository = manager.getRepository(entity);
  const keyOf = (row: object) => String((row as Record<string, unknown>)[key]);
  const existing = await repository.find({
    select: { id: true, [key]: true } as FindOptionsSelect<E>,
    where: { [key]: In(rows.map(keyOf)) } as FindOptionsWhere<E>,
  });
  const idOf = new Map(existing.map((row) => [keyOf(row), row.id]));
  const missing = rows.filter((row) => !idOf.has(keyOf(row)));
  if (missing.length) {
    const { identifiers } = await repository.insert(missing);
    missing.forEach((row, i) => idOf.set(keyOf(row), String(identifiers[i]['id'])));
  }
  return { idOf, inserted: new Set(missing.map(keyOf)) };
}

/**
 * The demo story of issue #3 on top of the demo organisations and accounts: programmes, projects
 * with milestones and progress journals, forums, conventions with each party's commitments and their
 * fulfilment history, the actions decided at the forums, and comment threads on a few projects.
 * Every scope column (region, province, organisation ids) is derived here as the services derive it.
 * Idempotent: rows are recognised by code, title or text, and the history of a row is only written
 * with the row.
 */
export class DemoStory {
  private readonly calendar: DemoCalendar;

  /** `userIds`: the id of each demo account by e-mail; `today` dates what must stay late or due soon. */
  constructor(
    private readonly manager: EntityManager,
    private readonly organizations: Map<string, OrganizationEntity>,
    private readonly userIds: Map<string, string>,
    today: string,
  ) {
    this.calendar = new DemoCalendar(today);
  }

  async load(): Promise<DemoStoryCounts> {
    const counts: DemoStoryCounts = {
      projects: 0,
      progressReports: 0,
      milestones: 0,
      forums: 0,
      conventions: 0,
      commitments: 0,
      fulfilments: 0,
      dueDateChanges: 0,
      actions: 0,
      comments: 0,
    };
    const projectIds = await this.loadProjects(counts);
    const forums = await this.loadForums(counts);
    await this.loadConventions(counts, projectIds, forums);
    await this.loadActions(counts, projectIds, forums);
    await this.loadComments(counts, projectIds);
    return counts;
  }

  private organizationId(name: string): string {
    const organization = this.organizations.get(name);
    if (!organization) throw new Error(`demo story: no organisation "${name}"`);
    return organization.id;
  }

  /** The demo account of an organisation (not the administrator), who reports and declares for it. */
  private userOf(organization: string): string | null {
    const account = DEMO_ACCOUNTS.find((a) => a.organization === organization && a.role !== 'ADMIN');
    return account ? (this.userIds.get(account.email) ?? null) : null;
  }

  private get verifierId(): string | null {
    return this.userIds.get(VERIFIER_EMAIL) ?? null;
  }

  private async territories(codes: string[]): Promise<Map<string, TerritoryEntity>> {
    const found = await this.manager.getRepository(TerritoryEntity).findBy({ code: In(codes) });
    const byCode = new Map(found.map((t) => [t.code, t]));
    const unknown = codes.filter((code) => !byCode.has(code));
    if (unknown.length) throw new Error(`demo story: territories not imported: ${unknown.join(', ')}`);
    return byCode;
  }

  private async loadProjects(counts: DemoStoryCounts): Promise<Map<string, string>> {
    const programmes = await insertMissing(
      this.manager,
      ProgrammeEntity,
      'code',
      DEMO_PROGRAMMES.map((p) => ({ ...p })),
    );
    const projects = demoProjects(this.calendar);
    const communes = await this.territories(projects.map((p) => p.commune));
    const journals = new Map(projects.map((p) => [p.code, buildJournal(p, this.calendar.today)]));
    const { idOf, inserted } = await insertMissing(
      this.manager,
      ProjectEntity,
      'code',
      projects.map((project) => {
        const commune = communes.get(project.commune) as TerritoryEntity;
        const journal = journals.get(project.code) as BuiltJournal;
        if (commune.kind !== 'COMMUNE' || !commune.provinceCode)
          throw new Error(`demo project ${project.code}: ${project.commune} is not a commune`);
        const { current } = journal;
        return {
          code: project.code,
          title: project.title,
          description: project.description ?? '',
          type: project.type,
          programmeId: programmes.idOf.get(project.programme) ?? null,
          communeCode: commune.code,
          regionCode: commune.regionCode,
          provinceCode: commune.provinceCode,
          leadOrganizationId: this.organizationId(project.lead),
          partnerOrganizationIds: project.partners.map((name) => this.organizationId(name)),
          status: current.status,
          physicalProgress: current.physicalProgress,
          budget: project.budget,
          spentAmount: current.spentAmount,
          housingUnitsPlanned: project.housingPlanned ?? 0,
          housingUnitsDelivered: current.housingUnitsDelivered,
          householdsTargeted: project.householdsTargeted ?? 0,
          householdsRelocated: current.householdsRelocated,
          hectares: current.hectares,
          startDate: project.start,
          plannedEndDate: current.plannedEndDate,
          actualEndDate: current.actualEndDate,
          latitude: project.location[0],
          longitude: project.location[1],
          lastReportedAt: current.lastReportedAt,
          createdAt: journal.reports[0].reportedAt,
          updatedAt: current.lastReportedAt,
        };
      }),
    );

    const fresh = projects.filter((p) => inserted.has(p.code));
    const milestones = fresh.flatMap((project) =>
      (journals.get(project.code)?.milestones ?? []).map((m) => ({
        ...m,
        projectId: idOf.get(project.code),
      })),
    );
    const reports = fresh.flatMap((project) =>
      (journals.get(project.code)?.reports ?? []).map((report) => ({
        ...report,
        projectId: idOf.get(project.code),
        authorUserId: this.userOf(project.lead),
      })),
    );
    if (milestones.length) await this.manager.insert(ProjectMilestoneEntity, milestones);
    if (reports.length) await this.manager.insert(ProjectProgressReportEntity, reports);
    counts.projects = fresh.length;
    counts.milestones = milestones.length;
    counts.progressReports = reports.length;
    return idOf;
  }

  /** Returns each forum's id and date by key. */
  private async loadForums(counts: DemoStoryCounts): Promise<Map<DemoForumKey, DemoForumRef>> {
    const forums = demoForums(this.calendar);
    const authoritiesOf = (regionCode: string | undefined) =>
      [...this.organizations.values()]
        .filter((o) => (o.kind === 'PREFECTURE' || o.kind === 'PROVINCE') && o.regionCode === regionCode)
        .map((o) => o.id);
    const { idOf, inserted } = await insertMissing(
      this.manager,
      ForumEntity,
      'title',
      forums.map((forum) => ({
        title: forum.title,
        theme: forum.theme,
        heldOn: forum.heldOn,
        place: forum.place,
        regionCode: forum.regionCode,
        provinceCode: null,
        participantOrganizationIds: [
          ...forum.participants.map((name) => this.organizationId(name)),
          ...authoritiesOf(forum.withAuthoritiesOf),
        ],
        resolutions: forum.resolutions,
        createdByUserId: this.verifierId,
        // Announced a month ahead, or ten days ago for the coming meeting.
        createdAt: DemoCalendar.at(
          forum.heldOn < this.calendar.today ? addDays(forum.heldOn, -30) : this.calendar.day(-10),
        ),
      })),
    );
    counts.forums = inserted.size;
    return new Map(
      forums.map((forum) => [forum.key, { id: idOf.get(forum.title) as string, heldOn: forum.heldOn }]),
    );
  }

  private async loadConventions(
    counts: DemoStoryCounts,
    projectIds: Map<string, string>,
    forums: Map<DemoForumKey, DemoForumRef>,
  ): Promise<void> {
    const today = this.calendar.today;
    const conventions = demoConventions(this.calendar);
    const projectId = (code: string) => {
      const id = projectIds.get(code);
      if (!id) throw new Error(`demo story: no project ${code}`);
      return id;
    };
    const conventionIds = await insertMissing(
      this.manager,
      ConventionEntity,
      'code',
      conventions.map((convention) => ({
        code: convention.code,
        title: convention.title,
        description: convention.description,
        signedOn: convention.signedOn,
        regionCode: convention.regionCode,
        provinceCode: null,
        partyOrganizationIds: convention.parties.map((name) => this.organizationId(name)),
        projectIds: convention.projects.map(projectId),
        forumId: forums.get(convention.forum)?.id ?? null,
        createdByUserId: this.verifierId,
        createdAt: DemoCalendar.at(convention.signedOn),
      })),
    );
    counts.conventions = conventionIds.inserted.size;

    // A commitment takes the scope of its project, else the (regional) scope of its convention.
    const scopes = new Map(
      (await this.manager.getRepository(ProjectEntity).findBy({ id: In([...projectIds.values()]) })).map(
        (p) => [p.id, { regionCode: p.regionCode, provinceCode: p.provinceCode as string | null }],
      ),
    );
    const specs = conventions.flatMap((convention) =>
      convention.commitments.map((spec) => ({
        convention,
        spec,
        history: buildCommitmentHistory(spec, today),
      })),
    );
    const { idOf, inserted } = await insertMissing(
      this.manager,
      CommitmentEntity,
      'title',
      specs.map(({ convention, spec, history }) => {
        const project = spec.project ? projectId(spec.project) : null;
        if (spec.project && !convention.projects.includes(spec.project))
          throw new Error(`demo commitment "${spec.title}": project outside its convention`);
        if (!convention.parties.includes(spec.organization))
          throw new Error(`demo commitment "${spec.title}": not a party of ${convention.code}`);
        return {
          title: spec.title,
          kind: spec.kind,
          organizationId: this.organizationId(spec.organization),
          conventionId: conventionIds.idOf.get(convention.code) ?? null,
          projectId: project,
          forumId: forums.get(convention.forum)?.id ?? null,
          ...(project ? scopes.get(project) : { regionCode: convention.regionCode, provinceCode: null }),
          amount: history.amount,
          quantity: history.quantity,
          quantityUnit: history.quantityUnit,
          fulfilledAmount: history.fulfilledAmount,
          fulfilledQuantity: history.fulfilledQuantity,
          dueDate: history.dueDate,
          originalDueDate: history.originalDueDate,
          status: history.status,
          statusReasonCode: history.statusReasonCode,
          statusNote: history.statusNote,
          fulfilledOn: history.fulfilledOn,
          createdByUserId: this.verifierId,
          createdAt: DemoCalendar.at(convention.signedOn),
          updatedAt: DemoCalendar.at(history.lastEventOn ?? convention.signedOn),
        };
      }),
    );

    const fresh = specs.filter(({ spec }) => inserted.has(spec.title));
    const fulfilments = fresh.flatMap(({ spec, history }) =>
      history.fulfilments.map((f) => ({
        commitmentId: idOf.get(spec.title),
        declaredByUserId: this.userOf(spec.organization),
        declaredAt: DemoCalendar.at(f.declaredOn),
        amount: f.amount,
        quantity: f.quantity,
        complete: f.complete,
        note: f.note,
        verifiedByUserId: f.verifiedOn ? this.verifierId : null,
        verifiedAt: f.verifiedOn ? DemoCalendar.at(f.verifiedOn, 15) : null,
        accepted: f.accepted,
        verificationNote: f.verificationNote,
      })),
    );
    const changes = fresh.flatMap(({ spec, history }) =>
      history.dueDateChanges.map((change) => ({
        commitmentId: idOf.get(spec.title),
        changedByUserId: this.userOf(spec.organization) ?? this.verifierId,
        changedAt: DemoCalendar.at(change.on),
        previousDueDate: change.previousDueDate,
        newDueDate: change.newDueDate,
        reasonCode: change.reasonCode,
        note: change.note,
      })),
    );
    if (fulfilments.length) await this.manager.insert(CommitmentFulfilmentEntity, fulfilments);
    if (changes.length) await this.manager.insert(CommitmentDueDateChangeEntity, changes);
    counts.commitments = fresh.length;
    counts.fulfilments = fulfilments.length;
    counts.dueDateChanges = changes.length;
  }

  private async loadActions(
    counts: DemoStoryCounts,
    projectIds: Map<string, string>,
    forums: Map<DemoForumKey, DemoForumRef>,
  ): Promise<void> {
    const actions = demoActions(this.calendar);
    const territories = await this.territories(actions.map((a) => a.territory));
    const { inserted } = await insertMissing(
      this.manager,
      ActionEntity,
      'title',
      actions.map((action) => {
        const territory = territories.get(action.territory) as TerritoryEntity;
        return {
          title: action.title,
          description: action.description ?? '',
          responsibleOrganizationId: this.organizationId(action.responsible),
          contributorOrganizationIds: (action.contributors ?? []).map((name) => this.organizationId(name)),
          territoryCode: territory.code,
          regionCode: territory.regionCode,
          provinceCode: territory.provinceCode,
          forumId: forums.get(action.forum)?.id ?? null,
          projectId: action.project ? (projectIds.get(action.project) ?? null) : null,
          dueDate: action.due,
          priority: action.priority,
          status: action.status,
          statusReasonCode: action.reason?.code ?? null,
          statusNote: action.reason?.note ?? null,
          doneOn: action.doneOn ?? null,
          createdByUserId: this.verifierId,
          createdAt: DemoCalendar.at(forums.get(action.forum)?.heldOn ?? this.calendar.today),
          ...(action.doneOn ? { updatedAt: DemoCalendar.at(action.doneOn) } : {}),
        };
      }),
    );
    counts.actions = inserted.size;
  }

  /**
   * The comment threads (`demoComments`), recognised by the text of their first comment; replies are
   * only written with their thread. Each author follows the project, as `CommentService` makes them.
   */
  private async loadComments(counts: DemoStoryCounts, projectIds: Map<string, string>): Promise<void> {
    const threads = demoComments(this.calendar);
    const leadOf = new Map(demoProjects(this.calendar).map((p) => [p.code, p.lead]));
    const projectId = (code: string) => {
      const id = projectIds.get(code);
      if (!id) throw new Error(`demo comment: no project ${code}`);
      return id;
    };
    const userId = (email: string) => {
      const id = this.userIds.get(email);
      if (!id) throw new Error(`demo comment: no account ${email}`);
      return id;
    };
    const comment = (subjectId: string, spec: DemoComment) => ({
      subjectType: 'PROJECT' as const,
      subjectId,
      authorUserId: userId(spec.author),
      body: spec.body,
      mentionUserIds: (spec.mentions ?? []).map(userId),
      createdAt: spec.createdAt,
    });
    const { idOf, inserted } = await insertMissing(
      this.manager,
      CommentEntity,
      'body',
      threads.map((thread) => ({
        ...comment(projectId(thread.project), thread),
        isQuestion: thread.isQuestion === true,
        questionDueAt: questionDueAt(thread),
        answeredAt: answeredAt(thread, leadOf.get(thread.project) ?? ''),
      })),
    );
    const fresh = threads.filter((thread) => inserted.has(thread.body));
    const replies = fresh.flatMap((thread) =>
      thread.replies.map((reply) => ({
        ...comment(projectId(thread.project), reply),
        parentId: idOf.get(thread.body),
      })),
    );
    if (replies.length) await this.manager.insert(CommentEntity, replies);
    const follows = new Map(
      fresh.flatMap((thread) =>
        [thread, ...thread.replies].map((spec) => {
          const follow = { userId: userId(spec.author), subjectId: projectId(thread.project) };
          return [`${follow.userId}/${follow.subjectId}`, follow] as const;
        }),
      ),
    );
    if (follows.size) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(FollowEntity)
        .values(
          [...follows.values()].map((follow) => ({ ...follow, subjectType: 'PROJECT', following: true })),
        )
        .orIgnore()
        .execute();
    }
    counts.comments = fresh.length + replies.length;
  }
}
