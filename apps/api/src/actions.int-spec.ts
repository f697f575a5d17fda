import { todayInMorocco } from '@convergence/server/core';
import { DataSource } from 'typeorm';
import {
  auditCount,
  FIXTURE_MARK,
  insertAction,
  insertScopeScenario,
  organizationId,
  ORGANIZATIONS,
  shiftDate,
  signInCreated,
} from './testing/action-fixtures';
import { createUser } from './testing/factories';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface ActionNode {
  id: string;
  title: string;
  status: string;
  overdue: boolean;
  dueDate: string;
  priority: string;
  statusReasonCode: string | null;
  statusNote: string | null;
  doneOn: string | null;
  version: number;
  responsibleOrganization: { name: string };
  contributors: { name: string }[];
  territory: { code: string };
  forum: { id: string } | null;
  project: { id: string } | null;
}
interface ActionPage {
  actions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: ActionNode }[];
  };
}

const ACTION_FIELDS = `id title status overdue dueDate priority statusReasonCode statusNote doneOn version
  responsibleOrganization { name } contributors { name } territory { code } forum { id } project { id }`;
const ACTIONS = `query ($filter: ActionFilter, $first: Int, $after: String, $orderBy: ActionOrder) {
  actions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${ACTION_FIELDS} } }
  }
}`;
const ACTION = `query ($id: ID!) { action(id: $id) { ${ACTION_FIELDS} } }`;
const CREATE = `mutation ($input: CreateActionInput!) { createAction(input: $input) { ${ACTION_FIELDS} } }`;
const UPDATE_STATUS = `mutation ($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { ${ACTION_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateActionInput!) { updateAction(input: $input) { ${ACTION_FIELDS} } }`;

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('actions', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let scenario: Awaited<ReturnType<typeof insertScopeScenario>>;
  const tokens: Record<string, string> = {};
  const today = todayInMorocco();

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    for (const persona of ['admin', 'ministere', 'elu', 'prefecture', 'elu.marrakech']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
    const partner = await createUser(dataSource, {
      organizationName: ORGANIZATIONS.nouaceur,
      role: 'PARTNER_CONTRIBUTOR',
      emailPrefix: 'partner',
    });
    tokens['partner'] = await signInCreated(api, partner);
    scenario = await insertScopeScenario(dataSource);
  });
  afterAll(() => api.close());

  /** The actions a test made for itself carry `mark` in their title; the search keeps only those. */
  const list = (
    persona: string,
    filter: Record<string, unknown> = {},
    variables: Record<string, unknown> = {},
  ) =>
    api.graphql<ActionPage>(
      ACTIONS,
      { first: 100, filter: { search: FIXTURE_MARK, ...filter }, ...variables },
      { token: tokens[persona] },
    );
  const titles = (response: GraphqlResponse<ActionPage>) =>
    response.data?.actions.edges.map((e) => e.node.title.replace(/^\w+ /, '')) ?? [];

  const PREFECTURE = 'Recasement des ménages de Casablanca';
  const SETTAT = 'Apurement foncier à Settat';
  const REGION = 'Cofinancement régional';
  const MARRAKECH = 'Autorisations de lotir à Marrakech';

  describe('each persona sees exactly its scope', () => {
    it.each([
      ['ministere', [PREFECTURE, SETTAT, REGION, MARRAKECH]],
      ['admin', [PREFECTURE, SETTAT, REGION, MARRAKECH]],
      ['elu', [PREFECTURE, SETTAT, REGION]],
      ['prefecture', [PREFECTURE]],
      ['elu.marrakech', [MARRAKECH]],
      ['partner', [MARRAKECH]],
    ])('%s, in the list and in the count', async (persona, expected) => {
      const response = await list(persona);
      expect(response.errors).toBeUndefined();
      expect(titles(response).sort()).toEqual([...expected].sort());
      expect(response.data?.actions.totalCount).toBe(expected.length);
    });

    it('an elected official of Marrakech-Safi finds none of Casablanca-Settat’s, by id, filter or count', async () => {
      const byId = await api.graphql(
        ACTION,
        { id: scenario.actions.casablancaPrefecture },
        { token: tokens['elu.marrakech'] },
      );
      const missing = await api.graphql(ACTION, { id: NO_SUCH_ID }, { token: tokens['elu.marrakech'] });
      expect(byId).toEqual(missing);
      expect(byId.data?.['action']).toBeNull();
      const wilaya = await organizationId(dataSource, ORGANIZATIONS.wilaya);
      for (const filter of [
        { territoryCode: '06' },
        { responsibleOrganizationId: wilaya },
        { forumId: scenario.forums.casablanca },
        { search: 'Casablanca' },
      ]) {
        const response = await list('elu.marrakech', filter);
        expect(response.errors).toBeUndefined();
        expect(response.data?.actions.totalCount).toBe(0);
      }
    });

    it('resolves the relations a row names, and hides a forum the reader may not read', async () => {
      const ministry = await api.graphql<{ action: ActionNode }>(
        ACTION,
        { id: scenario.actions.marrakech },
        { token: tokens['ministere'] },
      );
      expect(ministry.data?.action).toMatchObject({
        responsibleOrganization: { name: ORGANIZATIONS.saoMarrakech },
        contributors: [{ name: ORGANIZATIONS.nouaceur }],
        territory: { code: '07.351.01.0' },
        forum: { id: scenario.forums.marrakech },
        project: null,
      });
      // The contributor reads the action, not the Marrakech-Safi forum it was decided at.
      const partner = await api.graphql<{ action: ActionNode }>(
        ACTION,
        { id: scenario.actions.marrakech },
        { token: tokens['partner'] },
      );
      expect(partner.errors).toBeUndefined();
      expect(partner.data?.action.forum).toBeNull();
    });
  });

  describe('filters, order and pages', () => {
    it('territoryCode keeps that territory and everything under it', async () => {
      expect(titles(await list('ministere', { territoryCode: '06.141' }))).toEqual([PREFECTURE]);
      expect(titles(await list('ministere', { territoryCode: '06' })).sort()).toEqual(
        [PREFECTURE, SETTAT, REGION].sort(),
      );
    });

    it('filters by organisation (responsible or contributing), forum, priority and status', async () => {
      const nouaceur = await organizationId(dataSource, ORGANIZATIONS.nouaceur);
      const wilaya = await organizationId(dataSource, ORGANIZATIONS.wilaya);
      expect(titles(await list('ministere', { organizationId: nouaceur }))).toEqual([MARRAKECH]);
      expect(titles(await list('ministere', { organizationId: wilaya }))).toEqual([PREFECTURE]);
      expect(titles(await list('ministere', { responsibleOrganizationId: nouaceur }))).toEqual([]);
      expect(titles(await list('ministere', { forumId: scenario.forums.casablanca })).sort()).toEqual(
        [PREFECTURE, SETTAT].sort(),
      );
      expect(titles(await list('ministere', { priority: ['CRITICAL', 'LOW'] })).sort()).toEqual(
        [REGION, SETTAT].sort(),
      );
      expect(titles(await list('ministere', { status: ['DONE'] }))).toEqual([]);
    });

    it('sorts by priority, most urgent first on request', async () => {
      const response = await list('ministere', {}, { orderBy: { field: 'PRIORITY', direction: 'DESC' } });
      expect(titles(response)).toEqual([REGION, PREFECTURE, MARRAKECH, SETTAT]);
    });

    it('walks every action once with a cursor, by last update', async () => {
      const orderBy = { field: 'UPDATED_AT', direction: 'DESC' };
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const response: GraphqlResponse<ActionPage> = await list(
          'ministere',
          {},
          { first: 1, after, orderBy },
        );
        expect(response.data?.actions.totalCount).toBe(4);
        seen.push(...titles(response));
        if (!response.data?.actions.pageInfo.hasNextPage) break;
        after = response.data.actions.pageInfo.endCursor;
      }
      expect(seen).toEqual(titles(await list('ministere', {}, { orderBy })));
      expect(new Set(seen).size).toBe(4);
    });

    it('overdue follows the rule: due before today in Morocco, and neither done nor cancelled', async () => {
      const yesterday = shiftDate(today, -1);
      const territoryCode = '06.141.01.0';
      const responsible = ORGANIZATIONS.wilaya;
      await insertAction(dataSource, {
        title: 'KWOVD due yesterday',
        dueDate: yesterday,
        territoryCode,
        responsible,
      });
      await insertAction(dataSource, {
        title: 'KWOVD blocked since yesterday',
        dueDate: yesterday,
        status: 'BLOCKED',
        territoryCode,
        responsible,
      });
      await insertAction(dataSource, {
        title: 'KWOVD due today',
        dueDate: today,
        territoryCode,
        responsible,
      });
      await insertAction(dataSource, {
        title: 'KWOVD done late',
        dueDate: yesterday,
        status: 'DONE',
        territoryCode,
        responsible,
      });
      const overdue = await list('ministere', { search: 'KWOVD', overdue: true });
      expect(titles(overdue).sort()).toEqual(['blocked since yesterday', 'due yesterday']);
      expect(overdue.data?.actions.edges.every((e) => e.node.overdue)).toBe(true);
      const onTime = await list('ministere', { search: 'KWOVD', overdue: false });
      expect(titles(onTime).sort()).toEqual(['done late', 'due today']);
      expect(onTime.data?.actions.edges.some((e) => e.node.overdue)).toBe(false);
      expect(titles(await list('ministere', { search: 'KWOVD', dueBefore: today })).sort()).toEqual([
        'blocked since yesterday',
        'done late',
        'due yesterday',
      ]);
    });

    it('rejects bad filters with per-field messages', async () => {
      const response = await list(
        'ministere',
        { territoryCode: 'Casablanca', dueBefore: '2026-13-01', organizationId: 'sao' },
        { first: 101 },
      );
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields).toEqual(
        expect.arrayContaining([
          { field: 'first', message: 'Au maximum 100.' },
          { field: 'filter.territoryCode', message: expect.stringContaining('Code de territoire') },
          { field: 'filter.organizationId', message: 'Identifiant invalide.' },
          { field: 'filter.dueBefore', message: 'Date attendue au format AAAA-MM-JJ.' },
        ]),
      );
    });

    it('costs the same number of SQL statements for 1 action as for 4 (relations are batched)', async () => {
      // Four actions of the same shape (forum, contributors), so that both pages resolve every relation.
      for (const n of [1, 2, 3, 4]) {
        await insertAction(dataSource, {
          title: `KCOST action ${n}`,
          territoryCode: '06.141.01.0',
          responsible: ORGANIZATIONS.wilaya,
          contributors: [ORGANIZATIONS.saoCasablanca],
          forumId: scenario.forums.casablanca,
        });
      }
      const count = async (first: number) => {
        let response: GraphqlResponse<ActionPage> | undefined;
        const statements = await statementsDuring(
          async () => (response = await list('ministere', { search: 'KCOST' }, { first })),
        );
        expect(response?.data?.actions.edges).toHaveLength(first);
        return statements.length;
      };
      expect(await count(4)).toBe(await count(1));
    });
  });

  describe('createAction', () => {
    const input = async () => ({
      title: 'Libérer l’assiette foncière du pôle urbain',
      responsibleOrganizationId: await organizationId(dataSource, ORGANIZATIONS.prefectureCasablanca),
      contributorOrganizationIds: [await organizationId(dataSource, ORGANIZATIONS.saoCasablanca)],
      territoryCode: '06.141.01.0',
      dueDate: shiftDate(today, 60),
      priority: 'HIGH',
    });

    it('lets the ministry create an action whose scope follows its territory, and audits it', async () => {
      const [project]: { id: string }[] = await dataSource.query(
        "SELECT id FROM project WHERE region_code = '06' LIMIT 1",
      );
      const response = await api.graphql<{ createAction: ActionNode }>(
        CREATE,
        { input: { ...(await input()), forumId: scenario.forums.casablanca, projectId: project.id } },
        { token: tokens['ministere'] },
      );
      expect(response.errors).toBeUndefined();
      const action = response.data?.createAction;
      expect(action).toMatchObject({
        status: 'OPEN',
        overdue: false,
        version: 1,
        responsibleOrganization: { name: ORGANIZATIONS.prefectureCasablanca },
        contributors: [{ name: ORGANIZATIONS.saoCasablanca }],
        territory: { code: '06.141.01.0' },
        forum: { id: scenario.forums.casablanca },
        project: { id: project.id },
      });
      const [row] = await dataSource.query('SELECT region_code, province_code FROM action WHERE id = $1', [
        action?.id,
      ]);
      expect(row).toEqual({ region_code: '06', province_code: '06.141' });
      expect(await auditCount(dataSource, action?.id ?? '', 'createAction')).toBe(1);

      const regional = await api.graphql<{ createAction: ActionNode }>(
        CREATE,
        { input: { ...(await input()), territoryCode: '06' } },
        { token: tokens['admin'] },
      );
      const [regionRow] = await dataSource.query(
        'SELECT region_code, province_code FROM action WHERE id = $1',
        [regional.data?.createAction.id],
      );
      expect(regionRow).toEqual({ region_code: '06', province_code: null });
    });

    it('is FORBIDDEN to an elected official', async () => {
      const response = await api.graphql(CREATE, { input: await input() }, { token: tokens['elu'] });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    });

    it('refuses bad input with one message per field, and writes nothing', async () => {
      const before = await dataSource.query('SELECT count(*) FROM action');
      const shape = await api.graphql(
        CREATE,
        { input: { ...(await input()), title: '', territoryCode: 'Casa', dueDate: 'demain' } },
        { token: tokens['ministere'] },
      );
      expect(shape.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(shape.errors?.[0].extensions?.fields).toEqual([
        { field: 'title', message: 'Ce champ est obligatoire.' },
        { field: 'territoryCode', message: expect.stringContaining('Code de territoire') },
        { field: 'dueDate', message: 'Date attendue au format AAAA-MM-JJ.' },
      ]);
      const references = await api.graphql(
        CREATE,
        {
          input: {
            ...(await input()),
            responsibleOrganizationId: NO_SUCH_ID,
            territoryCode: '99',
            forumId: NO_SUCH_ID,
            dueDate: shiftDate(today, -1),
          },
        },
        { token: tokens['ministere'] },
      );
      expect(references.errors?.[0].extensions?.fields).toEqual([
        { field: 'responsibleOrganizationId', message: 'Organisation introuvable.' },
        { field: 'forumId', message: 'Forum introuvable.' },
        { field: 'territoryCode', message: 'Territoire inconnu : « 99 ».' },
        { field: 'dueDate', message: 'La date ne peut pas être passée.' },
      ]);
      expect(await dataSource.query('SELECT count(*) FROM action')).toEqual(before);
    });
  });

  describe('updateActionStatus', () => {
    let id: string;
    beforeEach(async () => {
      id = await insertAction(dataSource, {
        title: 'WF Relogement des ménages',
        territoryCode: '06.141.01.0',
        responsible: ORGANIZATIONS.prefectureCasablanca,
        contributors: [ORGANIZATIONS.nouaceur],
      });
    });
    const move = (persona: string, change: Record<string, unknown>) =>
      api.graphql<{ updateActionStatus: ActionNode }>(
        UPDATE_STATUS,
        { input: { id, version: 1, note: 'Point de situation', ...change } },
        { token: tokens[persona] },
      );

    it('lets the responsible organisation’s user move it along; DONE dates it today', async () => {
      const started = await move('prefecture', { status: 'IN_PROGRESS' });
      expect(started.errors).toBeUndefined();
      expect(started.data?.updateActionStatus).toMatchObject({
        status: 'IN_PROGRESS',
        version: 2,
        doneOn: null,
      });
      const done = await move('prefecture', { status: 'DONE', version: 2, note: 'Ménages relogés' });
      expect(done.data?.updateActionStatus).toMatchObject({
        status: 'DONE',
        doneOn: today,
        statusNote: 'Ménages relogés',
        overdue: false,
        version: 3,
      });
      expect(await auditCount(dataSource, id, 'updateActionStatus')).toBe(2);
    });

    it('is FORBIDDEN to a contributor, and NOT_FOUND to someone who cannot read it', async () => {
      const contributor = await move('partner', { status: 'IN_PROGRESS' });
      expect(contributor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const outsider = await move('elu.marrakech', { status: 'IN_PROGRESS' });
      expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('leaves cancelling to the ministry: the responsible organisation cannot erase its lateness', async () => {
      const cancel = { status: 'CANCELLED', reasonCode: 'OTHER', note: 'Plus nécessaire' };
      const byResponsible = await move('prefecture', cancel);
      expect(byResponsible.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const byMinistry = await move('ministere', cancel);
      expect(byMinistry.data?.updateActionStatus).toMatchObject({ status: 'CANCELLED', overdue: false });
    });

    it('refuses an illegal move naming the allowed ones, and a final status', async () => {
      const same = await move('ministere', { status: 'OPEN' });
      expect(same.errors?.[0].extensions?.fields).toEqual([
        {
          field: 'status',
          message: 'Passage de OPEN à OPEN impossible ; possibles : IN_PROGRESS, DONE, BLOCKED, CANCELLED.',
        },
      ]);
      await move('ministere', { status: 'CANCELLED', reasonCode: 'PARTNER_REQUEST' });
      const reopened = await move('ministere', { status: 'OPEN', version: 2 });
      expect(reopened.errors?.[0].extensions?.fields).toEqual([
        { field: 'status', message: 'Le statut CANCELLED est définitif.' },
      ]);
    });

    it('needs a reason to block, writes nothing without one, and forgets it when unblocked', async () => {
      const refused = await move('prefecture', { status: 'BLOCKED' });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0].extensions?.fields).toEqual([
        { field: 'reasonCode', message: 'Indiquez un motif.' },
      ]);
      expect(await auditCount(dataSource, id, 'updateActionStatus')).toBe(0);
      const blocked = await move('prefecture', { status: 'BLOCKED', reasonCode: 'PERMIT_DELAY' });
      expect(blocked.data?.updateActionStatus).toMatchObject({
        status: 'BLOCKED',
        statusReasonCode: 'PERMIT_DELAY',
        version: 2,
      });
      const resumed = await move('prefecture', { status: 'IN_PROGRESS', version: 2 });
      expect(resumed.data?.updateActionStatus).toMatchObject({ statusReasonCode: null, version: 3 });
    });

    it('is CONFLICT with a stale version', async () => {
      await move('prefecture', { status: 'IN_PROGRESS' });
      const stale = await move('ministere', { status: 'BLOCKED', reasonCode: 'OTHER' });
      expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
      const [row] = await dataSource.query('SELECT status, version FROM action WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'IN_PROGRESS', version: 2 });
    });
  });

  describe('updateAction', () => {
    let id: string;
    const dueDate = shiftDate(today, 10);
    beforeEach(async () => {
      id = await insertAction(dataSource, {
        title: 'UPD Études de la voirie',
        territoryCode: '06.141.01.0',
        responsible: ORGANIZATIONS.prefectureCasablanca,
        dueDate,
      });
    });
    const update = (persona: string, change: Record<string, unknown>) =>
      api.graphql<{ updateAction: ActionNode }>(
        UPDATE,
        { input: { id, version: 1, ...change } },
        { token: tokens[persona] },
      );

    it('lets the ministry change what the action is, keeping what it did not name', async () => {
      const sao = await organizationId(dataSource, ORGANIZATIONS.saoCasablanca);
      const response = await update('ministere', {
        title: 'UPD Études et travaux de la voirie',
        priority: 'CRITICAL',
        contributorOrganizationIds: [sao, sao],
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.updateAction).toMatchObject({
        title: 'UPD Études et travaux de la voirie',
        priority: 'CRITICAL',
        dueDate,
        contributors: [{ name: ORGANIZATIONS.saoCasablanca }],
        version: 2,
      });
    });

    it('moves the due date only with a reason, never into the past, and keeps the reason in the trail', async () => {
      const later = shiftDate(today, 40);
      const noReason = await update('ministere', { dueDate: later });
      expect(noReason.errors?.[0].extensions?.fields).toEqual([
        { field: 'reasonCode', message: 'Indiquez un motif.' },
      ]);
      const past = await update('ministere', { dueDate: shiftDate(today, -3), reasonCode: 'OTHER' });
      expect(past.errors?.[0].extensions?.fields).toEqual([
        { field: 'dueDate', message: 'La date ne peut pas être passée.' },
      ]);
      const moved = await update('ministere', { dueDate: later, reasonCode: 'FUNDING_DELAY' });
      expect(moved.data?.updateAction).toMatchObject({ dueDate: later, version: 2 });
      const [event]: { changes: Record<string, unknown> }[] = await dataSource.query(
        "SELECT changes FROM audit_event WHERE subject_id = $1 AND operation = 'updateAction'",
        [id],
      );
      expect(event.changes).toEqual({
        dueDate: [dueDate, later],
        dueDateReasonCode: [null, 'FUNDING_DELAY'],
      });
    });

    it('refuses null for what an action always has, naming each field, and writes nothing', async () => {
      const response = await update('ministere', {
        title: null,
        description: null,
        dueDate: null,
        priority: null,
        contributorOrganizationIds: null,
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields).toEqual([
        { field: 'title', message: 'Ce champ est obligatoire.' },
        { field: 'description', message: 'Valeur invalide.' },
        { field: 'dueDate', message: 'Date attendue au format AAAA-MM-JJ.' },
        { field: 'priority', message: 'Valeur non autorisée.' },
        { field: 'contributorOrganizationIds', message: 'Valeur invalide.' },
      ]);
      expect(await auditCount(dataSource, id, 'updateAction')).toBe(0);
    });

    it('is FORBIDDEN to the responsible organisation (it moves the status, not the definition)', async () => {
      const response = await update('prefecture', { title: 'UPD Autre chose' });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const [row] = await dataSource.query('SELECT title, version FROM action WHERE id = $1', [id]);
      expect(row).toEqual({ title: 'UPD Études de la voirie', version: 1 });
    });

    it('is CONFLICT with a stale version', async () => {
      await update('ministere', { priority: 'LOW' });
      const stale = await update('ministere', { priority: 'HIGH' });
      expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
      const [row] = await dataSource.query('SELECT priority, version FROM action WHERE id = $1', [id]);
      expect(row).toEqual({ priority: 'LOW', version: 2 });
    });
  });
});
