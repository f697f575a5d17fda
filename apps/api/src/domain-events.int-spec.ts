import { todayInMorocco } from '@convergence/server/core';
import type { ProjectEntity } from '@convergence/server/projects';
import type { NotificationType } from '@convergence/shared/domain';
import { DataSource } from 'typeorm';
import { insertAction, ORGANIZATIONS, organizationId, shiftDate } from './testing/action-fixtures';
import { CommitmentFixtures, moroccoDay, uniqueName } from './testing/commitment-fixtures';
import { createProjectFixture, userIdOf } from './testing/project-fixtures';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

const REPORT = `mutation ($input: ReportProjectProgressInput!) {
  reportProjectProgress(input: $input) { physicalProgress project { title version } }
}`;
const CREATE_COMMITMENT = `mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`;
const UPDATE_COMMITMENT = `mutation ($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { id status } }`;
const DECLARE = `mutation ($input: DeclareFulfilmentInput!) { declareCommitmentFulfilment(input: $input) { id status } }`;
const VERIFY = `mutation ($input: VerifyFulfilmentInput!) { verifyCommitmentFulfilment(input: $input) { id status } }`;
const CREATE_ACTION = `mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }`;
const UPDATE_ACTION = `mutation ($input: UpdateActionInput!) { updateAction(input: $input) { id } }`;
const UPDATE_ACTION_STATUS = `mutation ($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }`;
const CREATE_FORUM = `mutation ($input: CreateForumInput!) { createForum(input: $input) { id } }`;

type Persona = 'sao' | 'elu' | 'ministere';

interface OutboxRow {
  type: NotificationType;
  subjectType: string;
  subjectId: string;
  actorUserId: string | null;
  payload: Record<string, unknown>;
  dedupeKey: string | null;
  relayedAt: Date | null;
  /** The audit event of the same change bears the same `now()`: the one of their transaction. */
  sameTransactionAsAudit: boolean;
}

describe('domain events: every change that matters writes one outbox event in its own transaction', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let fixtures: CommitmentFixtures;
  const tokens = {} as Record<Persona, string>;
  const userIds = {} as Record<Persona, string>;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    fixtures = new CommitmentFixtures(dataSource);
    for (const persona of ['sao', 'elu', 'ministere'] as const) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
      userIds[persona] = await userIdOf(dataSource, `${persona}@demo.convergence.ma`);
    }
  });
  afterAll(() => api.close());

  const as = <T = Record<string, { id: string; status?: string }>>(
    persona: Persona,
    query: string,
    input: Record<string, unknown>,
  ) => api.graphql<T>(query, { input }, { token: tokens[persona] });
  const codeOf = (response: GraphqlResponse) => response.errors?.[0].extensions?.code ?? 'OK';

  /** The outbox events of one subject, oldest first. */
  function eventsOf(subjectId: string): Promise<OutboxRow[]> {
    return dataSource.query(
      `SELECT e.type, e.subject_type AS "subjectType", e.subject_id AS "subjectId",
              e.actor_user_id AS "actorUserId", e.payload, e.dedupe_key AS "dedupeKey",
              e.relayed_at AS "relayedAt",
              EXISTS (SELECT 1 FROM audit_event a WHERE a.subject_id = e.subject_id AND a.at = e.created_at)
                AS "sameTransactionAsAudit"
         FROM outbox_event e WHERE e.subject_id = $1 ORDER BY e.created_at, e.id`,
      [subjectId],
    );
  }

  async function eventCount(): Promise<number> {
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM outbox_event');
    return count;
  }

  /** Runs a write that must be refused with `code`, and checks that the outbox did not grow. */
  async function refusedWithoutEvent(code: string, write: () => Promise<GraphqlResponse>): Promise<void> {
    const before = await eventCount();
    expect(codeOf(await write())).toBe(code);
    expect(await eventCount()).toBe(before);
  }

  /** The one event of a subject, as a change by `persona` writes it: unrelayed, no dedupe key. */
  async function onlyEvent(subjectId: string, persona: Persona): Promise<OutboxRow> {
    const events = await eventsOf(subjectId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subjectId,
      actorUserId: userIds[persona],
      dedupeKey: null,
      relayedAt: null,
      sameTransactionAsAudit: true,
    });
    return events[0];
  }

  describe('reportProjectProgress', () => {
    const report = (persona: Persona, project: ProjectEntity, input: Record<string, unknown>) =>
      as<{ reportProjectProgress: { physicalProgress: number } }>(persona, REPORT, {
        projectId: project.id,
        version: project.version,
        note: 'Point de chantier.',
        ...input,
      });

    it('tells a new progress, with the previous one, when the status stays', async () => {
      const project = await createProjectFixture(dataSource);
      expect(codeOf(await report('sao', project, { physicalProgress: 55.5 }))).toBe('OK');
      expect(await onlyEvent(project.id, 'sao')).toMatchObject({
        type: 'PROJECT_PROGRESS_REPORTED',
        subjectType: 'PROJECT',
        payload: { subjectTitle: project.title, physicalProgress: 55.5, previousProgress: 40 },
      });
    });

    it('tells a status change rather than the progress that came with it, with its reason when there is one', async () => {
      const started = await createProjectFixture(dataSource, {
        values: { status: 'STUDIES', physicalProgress: '10' },
      });
      expect(codeOf(await report('sao', started, { status: 'WORKS', physicalProgress: 20 }))).toBe('OK');
      expect((await onlyEvent(started.id, 'sao')).payload).toEqual({
        subjectTitle: started.title,
        from: 'STUDIES',
        to: 'WORKS',
      });

      const suspended = await createProjectFixture(dataSource);
      const response = await report('sao', suspended, { status: 'SUSPENDED', reasonCode: 'FUNDING_DELAY' });
      expect(codeOf(response)).toBe('OK');
      expect(await onlyEvent(suspended.id, 'sao')).toMatchObject({
        type: 'PROJECT_STATUS_CHANGED',
        payload: {
          subjectTitle: suspended.title,
          from: 'WORKS',
          to: 'SUSPENDED',
          reasonCode: 'FUNDING_DELAY',
        },
      });
    });

    it('writes no event for a refused report: bad input, not permitted, stale version', async () => {
      const project = await createProjectFixture(dataSource);
      await refusedWithoutEvent('BAD_USER_INPUT', () => report('sao', project, { status: 'DELIVERED' }));
      await refusedWithoutEvent('BAD_USER_INPUT', () => report('sao', project, { physicalProgress: 120 }));
      await refusedWithoutEvent('FORBIDDEN', () => report('elu', project, { physicalProgress: 50 }));
      expect(await eventsOf(project.id)).toEqual([]);
      expect(codeOf(await report('sao', project, { physicalProgress: 50 }))).toBe('OK');
      await refusedWithoutEvent('CONFLICT', () => report('sao', project, { physicalProgress: 60 }));
      expect(await eventsOf(project.id)).toHaveLength(1);
    });

    it('of eight concurrent reports on one version, only the winner’s event is written', async () => {
      const project = await createProjectFixture(dataSource);
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, index) => report('sao', project, { physicalProgress: 41 + index })),
      );
      expect(responses.map(codeOf).sort()).toEqual([...Array(7).fill('CONFLICT'), 'OK']);
      const [winner] = responses.flatMap((response) => response.data?.reportProjectProgress ?? []);
      expect((await onlyEvent(project.id, 'sao')).payload).toEqual({
        subjectTitle: project.title,
        physicalProgress: winner.physicalProgress,
        previousProgress: 40,
      });
    });
  });

  describe('commitments', () => {
    let project: ProjectEntity;
    beforeAll(async () => {
      project = await fixtures.project('06.141', 'saoCS');
    });

    /** SAO Casablanca-Settat owes 1,000,000 MAD in 30 days on the project. */
    const saoCommitment = (overrides: Partial<Parameters<CommitmentFixtures['commitment']>[0]> = {}) =>
      fixtures.commitment({
        title: uniqueName('Engagement SAO'),
        organization: 'saoCS',
        project,
        dueDate: moroccoDay(30),
        ...overrides,
      });

    it('creating one is not news: no event', async () => {
      const before = await eventCount();
      const response = await as('ministere', CREATE_COMMITMENT, {
        title: uniqueName('Financement'),
        kind: 'FUNDING',
        organizationId: await fixtures.organizationId('regionCS'),
        amount: '2500000.00',
        dueDate: moroccoDay(60),
        projectId: project.id,
      });
      expect(codeOf(response)).toBe('OK');
      expect(await eventCount()).toBe(before);
    });

    it('a declaration tells who declared what share, and whether it is all', async () => {
      const commitment = await saoCommitment();
      const response = await as('sao', DECLARE, {
        commitmentId: commitment.id,
        version: 1,
        amount: '400000',
        complete: false,
        note: 'Première tranche versée.',
      });
      expect(codeOf(response)).toBe('OK');
      expect(await onlyEvent(commitment.id, 'sao')).toMatchObject({
        type: 'COMMITMENT_DECLARED',
        subjectType: 'COMMITMENT',
        payload: {
          subjectTitle: commitment.title,
          organizationId: await fixtures.organizationId('saoCS'),
          amount: '400000.00',
          complete: false,
        },
      });
      expect((await eventsOf(commitment.id))[0].payload).not.toHaveProperty('quantity');
    });

    it('a verification tells the resulting status; sending back tells why', async () => {
      const accepted = await saoCommitment({ status: 'IN_PROGRESS' });
      const declare = (id: string) =>
        as('sao', DECLARE, { commitmentId: id, version: 1, complete: true, note: 'PV de réception.' });
      expect(codeOf(await declare(accepted.id))).toBe('OK');
      const verified = await as('ministere', VERIFY, {
        commitmentId: accepted.id,
        version: 2,
        accepted: true,
      });
      expect(codeOf(verified)).toBe('OK');
      const [, verification] = await eventsOf(accepted.id);
      expect(verification).toMatchObject({
        type: 'COMMITMENT_VERIFIED',
        actorUserId: userIds.ministere,
        payload: { subjectTitle: accepted.title, status: 'FULFILLED' },
        sameTransactionAsAudit: true,
      });

      const sentBack = await saoCommitment();
      expect(codeOf(await declare(sentBack.id))).toBe('OK');
      const response = await as('ministere', VERIFY, {
        commitmentId: sentBack.id,
        version: 2,
        accepted: false,
        note: '  Pièces justificatives manquantes.  ',
      });
      expect(codeOf(response)).toBe('OK');
      expect((await eventsOf(sentBack.id)).map(({ type, payload }) => ({ type, payload }))).toEqual([
        expect.objectContaining({ type: 'COMMITMENT_DECLARED' }),
        {
          type: 'COMMITMENT_SENT_BACK',
          payload: { subjectTitle: sentBack.title, note: 'Pièces justificatives manquantes.' },
        },
      ]);
    });

    it('moving the due date tells from, to and why; other edits of the terms tell nothing', async () => {
      const commitment = await saoCommitment();
      const retitled = await as('ministere', UPDATE_COMMITMENT, {
        id: commitment.id,
        version: 1,
        title: `${commitment.title} (révisé)`,
      });
      expect(codeOf(retitled)).toBe('OK');
      expect(await eventsOf(commitment.id)).toEqual([]);

      const moved = await as('ministere', UPDATE_COMMITMENT, {
        id: commitment.id,
        version: 2,
        dueDate: moroccoDay(90),
        reasonCode: 'PARTNER_REQUEST',
      });
      expect(codeOf(moved)).toBe('OK');
      expect(await onlyEvent(commitment.id, 'ministere')).toMatchObject({
        type: 'COMMITMENT_DUE_DATE_MOVED',
        payload: {
          subjectTitle: `${commitment.title} (révisé)`,
          from: moroccoDay(30),
          to: moroccoDay(90),
          reasonCode: 'PARTNER_REQUEST',
        },
      });
    });

    it('writes no event for a refused write: bad input, not permitted, stale version', async () => {
      const commitment = await saoCommitment();
      const move = { id: commitment.id, version: 1, dueDate: moroccoDay(45) };
      await refusedWithoutEvent('BAD_USER_INPUT', () => as('ministere', UPDATE_COMMITMENT, move));
      await refusedWithoutEvent('FORBIDDEN', () =>
        as('sao', UPDATE_COMMITMENT, { ...move, reasonCode: 'OTHER' }),
      );
      const declaration = { commitmentId: commitment.id, version: 1, complete: false, note: 'Rien.' };
      await refusedWithoutEvent('BAD_USER_INPUT', () => as('sao', DECLARE, declaration));
      await refusedWithoutEvent('FORBIDDEN', () => as('elu', DECLARE, { ...declaration, complete: true }));
      await refusedWithoutEvent('BAD_USER_INPUT', () =>
        as('ministere', VERIFY, { commitmentId: commitment.id, version: 1, accepted: true }),
      );
      // Version 2 after an edit that tells nothing; the writes below read version 1.
      const retitled = await as('ministere', UPDATE_COMMITMENT, {
        id: commitment.id,
        version: 1,
        title: 'Révisé',
      });
      expect(codeOf(retitled)).toBe('OK');
      await refusedWithoutEvent('CONFLICT', () =>
        as('ministere', UPDATE_COMMITMENT, { ...move, reasonCode: 'OTHER' }),
      );
      await refusedWithoutEvent('CONFLICT', () => as('sao', DECLARE, { ...declaration, complete: true }));
      expect(await eventsOf(commitment.id)).toEqual([]);
    });
  });

  describe('actions', () => {
    const creation = async () => ({
      title: uniqueName('Raccorder le pôle urbain'),
      responsibleOrganizationId: await organizationId(dataSource, ORGANIZATIONS.saoCasablanca),
      territoryCode: '06.141',
      dueDate: moroccoDay(20),
      priority: 'HIGH',
    });
    const saoAction = () =>
      insertAction(dataSource, {
        title: uniqueName('Action SAO'),
        territoryCode: '06.141',
        responsible: ORGANIZATIONS.saoCasablanca,
      });

    it('creating one assigns it to its responsible organisation, with its due date and priority', async () => {
      const input = await creation();
      const response = await as<{ createAction: { id: string } }>('ministere', CREATE_ACTION, input);
      expect(codeOf(response)).toBe('OK');
      const id = response.data?.createAction.id ?? '';
      expect(await onlyEvent(id, 'ministere')).toMatchObject({
        type: 'ACTION_ASSIGNED',
        subjectType: 'ACTION',
        payload: {
          subjectTitle: input.title,
          responsibleOrganizationId: input.responsibleOrganizationId,
          dueDate: input.dueDate,
          priority: 'HIGH',
        },
      });
    });

    it('a status change tells from, to and the reason when one is needed; editing the terms tells what changed', async () => {
      const id = await saoAction();
      const started = await as('sao', UPDATE_ACTION_STATUS, {
        id,
        version: 1,
        status: 'IN_PROGRESS',
        note: 'Études lancées.',
      });
      expect(codeOf(started)).toBe('OK');
      const blocked = await as('sao', UPDATE_ACTION_STATUS, {
        id,
        version: 2,
        status: 'BLOCKED',
        note: 'Foncier non libéré.',
        reasonCode: 'LAND_NOT_AVAILABLE',
      });
      expect(codeOf(blocked)).toBe('OK');
      const edited = await as('ministere', UPDATE_ACTION, {
        id,
        version: 3,
        priority: 'CRITICAL',
        dueDate: shiftDate(todayInMorocco(), 60),
        reasonCode: 'LAND_NOT_AVAILABLE',
      });
      expect(codeOf(edited)).toBe('OK');

      const events = await eventsOf(id);
      expect(events.map(({ type, actorUserId, payload }) => ({ type, actorUserId, payload }))).toEqual([
        {
          type: 'ACTION_STATUS_CHANGED',
          actorUserId: userIds.sao,
          payload: { subjectTitle: expect.stringMatching(/^Action SAO/), from: 'OPEN', to: 'IN_PROGRESS' },
        },
        {
          type: 'ACTION_STATUS_CHANGED',
          actorUserId: userIds.sao,
          payload: {
            subjectTitle: expect.stringMatching(/^Action SAO/),
            from: 'IN_PROGRESS',
            to: 'BLOCKED',
            reasonCode: 'LAND_NOT_AVAILABLE',
          },
        },
        {
          type: 'ACTION_UPDATED',
          actorUserId: userIds.ministere,
          payload: {
            subjectTitle: expect.stringMatching(/^Action SAO/),
            changedFields: ['dueDate', 'priority'],
            dueDate: shiftDate(todayInMorocco(), 60),
            priority: 'CRITICAL',
          },
        },
      ]);
      expect(events.every((event) => event.sameTransactionAsAudit)).toBe(true);
    });

    it('writes no event for a refused write: bad input, not permitted, stale version', async () => {
      const input = await creation();
      await refusedWithoutEvent('BAD_USER_INPUT', () =>
        as('ministere', CREATE_ACTION, { ...input, dueDate: moroccoDay(-1) }),
      );
      await refusedWithoutEvent('FORBIDDEN', () => as('elu', CREATE_ACTION, input));
      const id = await saoAction();
      const block = { id, version: 1, status: 'BLOCKED', note: 'Bloquée.' };
      await refusedWithoutEvent('BAD_USER_INPUT', () => as('sao', UPDATE_ACTION_STATUS, block));
      await refusedWithoutEvent('FORBIDDEN', () =>
        as('elu', UPDATE_ACTION_STATUS, { ...block, reasonCode: 'OTHER' }),
      );
      expect(await eventsOf(id)).toEqual([]);
      const start = { id, version: 1, status: 'IN_PROGRESS', note: 'Lancée.' };
      expect(codeOf(await as('sao', UPDATE_ACTION_STATUS, start))).toBe('OK');
      await refusedWithoutEvent('CONFLICT', () =>
        as('sao', UPDATE_ACTION_STATUS, { ...block, reasonCode: 'OTHER' }),
      );
      expect(await eventsOf(id)).toHaveLength(1);
    });
  });

  describe('createForum', () => {
    const forum = (heldOn: string) => ({
      title: uniqueName('Forum de suivi'),
      theme: 'Convergence des programmes',
      heldOn,
      place: 'Settat',
      regionCode: '06',
    });
    const create = (persona: Persona, input: Record<string, unknown>) =>
      as<{ createForum: { id: string } }>(persona, CREATE_FORUM, input);

    it('announces a forum to come, from today on (in Morocco), with its date and place', async () => {
      for (const heldOn of [todayInMorocco(), moroccoDay(45)]) {
        const input = forum(heldOn);
        const response = await create('ministere', input);
        expect(codeOf(response)).toBe('OK');
        expect(await onlyEvent(response.data?.createForum.id ?? '', 'ministere')).toMatchObject({
          type: 'FORUM_SCHEDULED',
          subjectType: 'FORUM',
          payload: { subjectTitle: input.title, heldOn, place: 'Settat' },
        });
      }
    });

    it('does not announce a forum recorded after it was held', async () => {
      const response = await create('ministere', forum(moroccoDay(-1)));
      expect(codeOf(response)).toBe('OK');
      expect(await eventsOf(response.data?.createForum.id ?? '')).toEqual([]);
    });

    it('writes no event for a refused creation: bad input, not permitted', async () => {
      await refusedWithoutEvent('BAD_USER_INPUT', () =>
        create('ministere', { ...forum(moroccoDay(10)), regionCode: '06.141' }),
      );
      await refusedWithoutEvent('FORBIDDEN', () => create('elu', forum(moroccoDay(10))));
    });
  });
});
