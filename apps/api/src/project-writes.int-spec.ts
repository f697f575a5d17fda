import { PROGRESS_REPORT_FRESHNESS_DAYS, type Health } from '@convergence/shared/domain';
import { DataSource } from 'typeorm';
import {
  addMilestones,
  addProgressReports,
  AL_OMRANE_HOLDING,
  CASABLANCA_COMMUNE,
  createProgramme,
  createProjectFixture,
  MARRAKECH_COMMUNE,
  organizationIdNamed,
  REGION_CASABLANCA,
  SAO_CASABLANCA,
  SAO_MARRAKECH,
  uniqueProjectCode,
  userIdOf,
} from './testing/project-fixtures';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

const PROJECT_FIELDS = `id code status health physicalProgress budget spentAmount version lastReportedAt
  startDate plannedEndDate actualEndDate description location { lat lng }
  keyFigures { housingUnitsPlanned housingUnitsDelivered householdsTargeted householdsRelocated hectares }
  territory { code } leadOrganization { name } partners { name } programme { id }
  milestones { id title plannedDate actualDate }`;

const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateProjectInput!) {
  updateProject(id: $id, version: $version, input: $input) { ${PROJECT_FIELDS} }
}`;
const REPORT = `mutation ($input: ReportProjectProgressInput!) {
  reportProjectProgress(input: $input) {
    id previousStatus status physicalProgress spentAmount housingUnitsDelivered householdsRelocated hectares
    plannedEndDate note reasonCode author { id displayName } project { ${PROJECT_FIELDS} }
  }
}`;
const JOURNAL = `query ($id: ID!, $first: Int, $after: String) {
  project(id: $id) {
    progressReports(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { note status author { displayName } } }
    }
  }
}`;

/** The message of a negative amount in MAD, a numeric(16,2) column. */
const BAD_AMOUNT = 'Montant invalide : nombre positif d’au plus 99999999999999.99, avec au plus 2 décimales.';

interface ProjectResult {
  id: string;
  code: string;
  status: string;
  health: Health | null;
  physicalProgress: number;
  spentAmount: string;
  version: number;
  lastReportedAt: string | null;
  plannedEndDate: string | null;
  actualEndDate: string | null;
  territory: { code: string };
  leadOrganization: { name: string };
  partners: { name: string }[];
  programme: { id: string } | null;
  milestones: { id: string; title: string; plannedDate: string; actualDate: string | null }[];
  location: { lat: string; lng: string } | null;
  keyFigures: Record<string, number | string>;
}
interface ReportResult {
  id: string;
  previousStatus: string;
  status: string;
  physicalProgress: number;
  spentAmount: string;
  plannedEndDate: string | null;
  note: string;
  reasonCode: string | null;
  author: { id: string; displayName: string } | null;
  project: ProjectResult;
}
interface JournalPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { note: string; status: string; author: { displayName: string } | null } }[];
}
interface JournalResult {
  project: { progressReports: JournalPage } | null;
}

function journalOf(response: GraphqlResponse<JournalResult>): JournalPage {
  const project = dataOf(response).project;
  if (!project) throw new Error('The project should be readable');
  return project.progressReports;
}

function codeOf(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
/** The data of a response that must have succeeded (its errors in the failure otherwise). */
function dataOf<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data)
    throw new Error(`Unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}
function fieldsOf(response: GraphqlResponse<unknown>): { field: string; message: string }[] | undefined {
  return response.errors?.[0]?.extensions?.fields;
}

/** Adds days to a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

describe('project writes: create, update, progress reports, health', () => {
  let api: TestApi;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};
  let saoCasablancaId: string;
  let saoMarrakechId: string;
  let regionCasablancaId: string;
  let holdingId: string;
  let saoUserId: string;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    for (const persona of ['admin', 'ministere', 'elu', 'sao', 'elu.marrakech']) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
    saoCasablancaId = await organizationIdNamed(dataSource, SAO_CASABLANCA);
    saoMarrakechId = await organizationIdNamed(dataSource, SAO_MARRAKECH);
    regionCasablancaId = await organizationIdNamed(dataSource, REGION_CASABLANCA);
    holdingId = await organizationIdNamed(dataSource, AL_OMRANE_HOLDING);
    saoUserId = await userIdOf(dataSource, 'sao@demo.convergence.ma');
  });
  afterAll(() => api.close());

  const as = <T>(persona: string, query: string, variables: Record<string, unknown>) =>
    api.graphql<T>(query, variables, { token: tokens[persona] });

  /** Rows that a refused write must not have added or changed. */
  async function footprint(projectId?: string): Promise<Record<string, unknown>> {
    const [{ projects, milestones, reports, events }] = await dataSource.query(
      `SELECT (SELECT count(*) FROM project)::int AS projects,
              (SELECT count(*) FROM project_milestone)::int AS milestones,
              (SELECT count(*) FROM project_progress_report)::int AS reports,
              (SELECT count(*) FROM audit_event)::int AS events`,
    );
    const version = projectId
      ? (await dataSource.query('SELECT version FROM project WHERE id = $1', [projectId]))[0].version
      : null;
    return { projects, milestones, reports, events, version };
  }

  async function auditEvents(subjectId: string) {
    return dataSource.query(
      'SELECT action, operation, actor_user_id AS "actorUserId", changes FROM audit_event WHERE subject_id = $1 ORDER BY at, id',
      [subjectId],
    ) as Promise<
      { action: string; operation: string; actorUserId: string; changes: Record<string, unknown[]> }[]
    >;
  }

  function creation(overrides: Record<string, unknown> = {}) {
    return {
      code: uniqueProjectCode('CR'),
      title: 'Résorption du bidonville Er-Rhamna',
      description: 'Relogement de 1 200 ménages.',
      type: 'SLUM_RESORPTION',
      communeCode: CASABLANCA_COMMUNE,
      leadOrganizationId: saoCasablancaId,
      partnerOrganizationIds: [regionCasablancaId],
      budget: '250000000.00',
      keyFigures: { housingUnitsPlanned: 1200, householdsTargeted: 1200, hectares: '35.50' },
      startDate: addDays(new Date().toISOString().slice(0, 10), -1),
      plannedEndDate: '2029-12-31',
      location: { lat: '33.573110', lng: '-7.589843' },
      milestones: [
        { title: 'Libération du foncier', plannedDate: '2026-12-31' },
        { title: 'Premières livraisons', plannedDate: '2028-06-30' },
      ],
      ...overrides,
    };
  }

  describe('createProject', () => {
    it('lets a subsidiary manager create a project its organisation leads, scoped by its commune and audited', async () => {
      const programme = await createProgramme(dataSource);
      const input = creation({ programmeId: programme.id });
      const response = await as<{ createProject: ProjectResult }>('sao', CREATE, { input });

      const project = dataOf(response).createProject;
      expect(project).toMatchObject({
        code: input.code,
        status: 'PROGRAMMED',
        health: 'ON_TRACK',
        physicalProgress: 0,
        spentAmount: '0.00',
        version: 1,
        lastReportedAt: null,
        territory: { code: CASABLANCA_COMMUNE },
        leadOrganization: { name: SAO_CASABLANCA },
        partners: [{ name: REGION_CASABLANCA }],
        programme: { id: programme.id },
        location: { lat: '33.573110', lng: '-7.589843' },
        keyFigures: {
          housingUnitsPlanned: 1200,
          householdsTargeted: 1200,
          hectares: '35.50',
          housingUnitsDelivered: 0,
        },
      });
      expect(project.milestones.map((m) => m.title)).toEqual([
        'Libération du foncier',
        'Premières livraisons',
      ]);

      const [scope] = await dataSource.query('SELECT region_code, province_code FROM project WHERE id = $1', [
        project.id,
      ]);
      expect(scope).toEqual({ region_code: '06', province_code: '06.141' });
      const [event] = await auditEvents(project.id);
      expect(event).toMatchObject({ action: 'CREATE', operation: 'createProject', actorUserId: saoUserId });
      expect(event.changes['code']).toEqual([null, input.code]);
      expect(event.changes['budget']).toEqual([null, '250000000.00']);
      expect(event.changes['milestones']).toEqual([
        null,
        [
          { title: 'Libération du foncier', plannedDate: '2026-12-31', actualDate: null },
          { title: 'Premières livraisons', plannedDate: '2028-06-30', actualDate: null },
        ],
      ]);
    });

    it('refuses a subsidiary manager a project led by another organisation, and an elected official any', async () => {
      const before = await footprint();
      const otherLead = await as('sao', CREATE, {
        input: creation({ leadOrganizationId: saoMarrakechId, communeCode: MARRAKECH_COMMUNE }),
      });
      expect(codeOf(otherLead)).toBe('FORBIDDEN');
      const elected = await as('elu', CREATE, { input: creation() });
      expect(codeOf(elected)).toBe('FORBIDDEN');
      expect(await footprint()).toEqual(before);
    });

    it('lets an administrator create a project for any lead organisation', async () => {
      const response = await as<{ createProject: ProjectResult }>('admin', CREATE, {
        input: creation({ leadOrganizationId: saoMarrakechId, communeCode: MARRAKECH_COMMUNE }),
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.createProject.territory.code).toBe(MARRAKECH_COMMUNE);
    });

    it('names every bad field, checks references and writes nothing', async () => {
      const before = await footprint();
      const invalid = await as('sao', CREATE, {
        input: creation({
          budget: '-5',
          title: '',
          startDate: '2026-02-30',
          milestones: [{ title: 'x', plannedDate: 'soon' }],
          location: { lat: '95', lng: '-7.5' },
        }),
      });
      expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(invalid)).toEqual(
        expect.arrayContaining([
          { field: 'title', message: 'Ce champ est obligatoire.' },
          { field: 'budget', message: BAD_AMOUNT },
          { field: 'startDate', message: 'Date attendue au format AAAA-MM-JJ.' },
          { field: 'milestones.0.plannedDate', message: 'Date attendue au format AAAA-MM-JJ.' },
          { field: 'location.lat', message: 'Coordonnée invalide : entre -90 et 90, au plus 6 décimales.' },
        ]),
      );

      const unknown = await as('sao', CREATE, {
        input: creation({
          programmeId: '00000000-0000-4000-8000-000000000000',
          partnerOrganizationIds: ['00000000-0000-4000-8000-000000000001'],
          communeCode: '06.141',
          startDate: '2027-01-01',
          plannedEndDate: '2026-12-31',
        }),
      });
      expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(unknown)).toEqual(
        expect.arrayContaining([
          { field: 'programmeId', message: 'Programme introuvable.' },
          { field: 'partnerOrganizationIds', message: 'Organisation introuvable.' },
          { field: 'communeCode', message: 'Choisissez une commune (pas une région ni une province).' },
          { field: 'plannedEndDate', message: 'La fin ne peut pas précéder le début.' },
        ]),
      );
      expect(fieldsOf(unknown)).toHaveLength(4);
      expect(await footprint()).toEqual(before);
    });

    it('refuses a code already taken, on the code field', async () => {
      const existing = await createProjectFixture(dataSource);
      const before = await footprint();
      const response = await as('sao', CREATE, { input: creation({ code: existing.code }) });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual([{ field: 'code', message: 'Ce code est déjà utilisé.' }]);
      expect(await footprint()).toEqual(before);
    });
  });

  describe('updateProject', () => {
    it('lets the lead manager edit the plan; a later end needs a reason, kept in the trail with before/after', async () => {
      const project = await createProjectFixture(dataSource, { values: { plannedEndDate: '2030-06-30' } });
      await addMilestones(dataSource, project.id, ['Études', 'Travaux']);
      const [kept] = (await dataSource.query(
        'SELECT id FROM project_milestone WHERE project_id = $1 AND position = 1',
        [project.id],
      )) as { id: string }[];
      const input = {
        description: 'Programme revu avec la commune.',
        partnerOrganizationIds: [holdingId, regionCasablancaId],
        budget: '120000000.00',
        plannedEndDate: '2031-06-30',
        location: null,
        milestones: [
          { id: kept.id, title: 'Travaux', plannedDate: '2030-01-31', actualDate: '2030-02-15' },
          { title: 'Réception', plannedDate: '2031-06-30' },
        ],
      };

      const withoutReason = await as('sao', UPDATE, { id: project.id, version: 1, input });
      expect(codeOf(withoutReason)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(withoutReason)).toEqual([{ field: 'reasonCode', message: 'Indiquez un motif.' }]);

      const response = await as<{ updateProject: ProjectResult }>('sao', UPDATE, {
        id: project.id,
        version: 1,
        input: { ...input, reasonCode: 'PERMIT_DELAY' },
      });
      const updated = dataOf(response).updateProject;
      expect(updated).toMatchObject({
        version: 2,
        plannedEndDate: '2031-06-30',
        status: 'WORKS',
        location: null,
        partners: expect.arrayContaining([{ name: AL_OMRANE_HOLDING }, { name: REGION_CASABLANCA }]),
      });
      expect(updated.milestones).toEqual([
        { id: kept.id, title: 'Travaux', plannedDate: '2030-01-31', actualDate: '2030-02-15' },
        { id: expect.any(String), title: 'Réception', plannedDate: '2031-06-30', actualDate: null },
      ]);

      const [event] = await auditEvents(project.id);
      expect(event).toMatchObject({ action: 'UPDATE', operation: 'updateProject', actorUserId: saoUserId });
      expect(event.changes).toMatchObject({
        plannedEndDate: ['2030-06-30', '2031-06-30'],
        reasonCode: [null, 'PERMIT_DELAY'],
        budget: ['100000000.00', '120000000.00'],
        partnerOrganizationIds: [[], [holdingId, regionCasablancaId]],
      });
      expect(event.changes['milestones'][1]).toHaveLength(2);
      expect(event.changes).not.toHaveProperty('status');
    });

    it('refuses a milestone of another project, field by field', async () => {
      const project = await createProjectFixture(dataSource);
      const other = await createProjectFixture(dataSource);
      await addMilestones(dataSource, other.id, ['Ailleurs']);
      const [foreign] = await dataSource.query('SELECT id FROM project_milestone WHERE project_id = $1', [
        other.id,
      ]);
      const response = await as('sao', UPDATE, {
        id: project.id,
        version: 1,
        input: { milestones: [{ id: foreign.id, title: 'Volé', plannedDate: '2030-01-01' }] },
      });
      expect(fieldsOf(response)).toEqual([{ field: 'milestones.0.id', message: 'Jalon introuvable.' }]);
    });

    it('is FORBIDDEN to a reader in scope who may not write, NOT_FOUND outside the scope, CONFLICT on a stale version', async () => {
      const project = await createProjectFixture(dataSource);
      const input = { title: 'Nouveau titre' };
      const before = await footprint(project.id);
      expect(codeOf(await as('elu', UPDATE, { id: project.id, version: 1, input }))).toBe('FORBIDDEN');
      expect(codeOf(await as('ministere', UPDATE, { id: project.id, version: 1, input }))).toBe('FORBIDDEN');
      expect(codeOf(await as('elu.marrakech', UPDATE, { id: project.id, version: 1, input }))).toBe(
        'NOT_FOUND',
      );
      expect(await footprint(project.id)).toEqual(before);

      expect((await as('sao', UPDATE, { id: project.id, version: 1, input })).errors).toBeUndefined();
      const stale = await as('sao', UPDATE, { id: project.id, version: 1, input: { title: 'Encore' } });
      expect(codeOf(stale)).toBe('CONFLICT');
    });
  });

  describe('reportProjectProgress', () => {
    const report = (persona: string, input: Record<string, unknown>) =>
      as<{ reportProjectProgress: ReportResult }>(persona, REPORT, { input });

    it('writes the journal entry, the project’s current values and one audit event together', async () => {
      const project = await createProjectFixture(dataSource, {
        values: {
          status: 'STUDIES',
          physicalProgress: '10',
          spentAmount: '5000000.00',
          lastReportedAt: null,
        },
      });
      const response = await report('sao', {
        projectId: project.id,
        version: 1,
        status: 'WORKS',
        physicalProgress: 35.5,
        spentAmount: '30000000.00',
        keyFigures: { housingUnitsDelivered: 120 },
        note: 'Démarrage des travaux du lot 1.',
      });

      const filed = dataOf(response).reportProjectProgress;
      expect(filed).toMatchObject({
        previousStatus: 'STUDIES',
        status: 'WORKS',
        physicalProgress: 35.5,
        spentAmount: '30000000.00',
        housingUnitsDelivered: 120,
        hectares: '0.00',
        plannedEndDate: null,
        reasonCode: null,
        author: { id: saoUserId, displayName: 'Youssef Bennani' },
        project: { status: 'WORKS', physicalProgress: 35.5, version: 2, actualEndDate: null },
      });
      const [journal] = await dataSource.query(
        'SELECT reported_at, author_user_id FROM project_progress_report WHERE project_id = $1',
        [project.id],
      );
      expect(filed.project.lastReportedAt).toBe(journal.reported_at.toISOString());
      expect(journal.author_user_id).toBe(saoUserId);

      const events = await auditEvents(project.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'UPDATE',
        operation: 'reportProjectProgress',
        actorUserId: saoUserId,
      });
      expect(events[0].changes).toMatchObject({
        status: ['STUDIES', 'WORKS'],
        physicalProgress: ['10.00', '35.50'],
        spentAmount: ['5000000.00', '30000000.00'],
        housingUnitsDelivered: [0, 120],
        note: [null, 'Démarrage des travaux du lot 1.'],
      });
    });

    it('is FORBIDDEN to an elected official of the region and NOT_FOUND to one of another region, as for no project', async () => {
      const project = await createProjectFixture(dataSource);
      const before = await footprint(project.id);
      const input = { projectId: project.id, version: 1, physicalProgress: 50, note: 'Avancement.' };
      expect(codeOf(await report('elu', input))).toBe('FORBIDDEN');
      const outside = await report('elu.marrakech', input);
      const missing = await report('elu.marrakech', {
        ...input,
        projectId: '00000000-0000-4000-8000-000000000000',
      });
      expect(codeOf(outside)).toBe('NOT_FOUND');
      expect(outside.errors?.[0].message).toBe(missing.errors?.[0].message);
      expect(await footprint(project.id)).toEqual(before);
    });

    it('refuses an illegal transition and names the allowed ones, and anything on a final status', async () => {
      const programmed = await createProjectFixture(dataSource, {
        values: { status: 'PROGRAMMED', physicalProgress: '0' },
      });
      const illegal = await report('sao', {
        projectId: programmed.id,
        version: 1,
        status: 'DELIVERED',
        physicalProgress: 100,
        note: 'Fini ?',
      });
      expect(fieldsOf(illegal)).toEqual([
        {
          field: 'status',
          message:
            'Passage de PROGRAMMED à DELIVERED impossible ; possibles : STUDIES, WORKS, SUSPENDED, CANCELLED.',
        },
      ]);
      const cancelled = await createProjectFixture(dataSource, { values: { status: 'CANCELLED' } });
      const late = await report('sao', {
        projectId: cancelled.id,
        version: 1,
        physicalProgress: 50,
        note: 'Reprise ?',
      });
      expect(fieldsOf(late)).toEqual([{ field: 'status', message: 'Le statut CANCELLED est définitif.' }]);
    });

    it('refuses DELIVERED below 100 %; at 100 % the actual end is today and health goes away', async () => {
      const project = await createProjectFixture(dataSource, { values: { physicalProgress: '80' } });
      const early = await report('sao', {
        projectId: project.id,
        version: 1,
        status: 'DELIVERED',
        note: 'Livré.',
      });
      expect(fieldsOf(early)).toEqual([
        { field: 'physicalProgress', message: 'Un projet livré doit être avancé à 100 %.' },
      ]);
      const delivered = await report('sao', {
        projectId: project.id,
        version: 1,
        status: 'DELIVERED',
        physicalProgress: 100,
        note: 'Livré.',
      });
      expect(delivered.errors).toBeUndefined();
      const [{ today }] = await dataSource.query(
        `SELECT to_char((now() AT TIME ZONE 'Africa/Casablanca')::date, 'YYYY-MM-DD') AS today`,
      );
      expect(delivered.data?.reportProjectProgress.project).toMatchObject({
        status: 'DELIVERED',
        actualEndDate: today,
        health: null,
      });
    });

    it('needs a reason to suspend and to move the planned end later', async () => {
      const project = await createProjectFixture(dataSource, { values: { plannedEndDate: '2030-12-31' } });
      const suspended = await report('sao', {
        projectId: project.id,
        version: 1,
        status: 'SUSPENDED',
        note: 'Arrêt.',
      });
      expect(fieldsOf(suspended)).toEqual([{ field: 'reasonCode', message: 'Indiquez un motif.' }]);
      const slipped = await report('sao', {
        projectId: project.id,
        version: 1,
        plannedEndDate: '2031-12-31',
        note: 'Retard.',
      });
      expect(fieldsOf(slipped)).toEqual([{ field: 'reasonCode', message: 'Indiquez un motif.' }]);

      const both = await report('sao', {
        projectId: project.id,
        version: 1,
        status: 'SUSPENDED',
        plannedEndDate: '2031-12-31',
        reasonCode: 'LAND_NOT_AVAILABLE',
        note: 'Foncier non libéré.',
      });
      expect(both.errors).toBeUndefined();
      expect(both.data?.reportProjectProgress).toMatchObject({
        status: 'SUSPENDED',
        plannedEndDate: '2031-12-31',
        reasonCode: 'LAND_NOT_AVAILABLE',
        project: { health: 'OFF_TRACK', plannedEndDate: '2031-12-31' },
      });
    });

    it('names every bad field and writes nothing', async () => {
      const project = await createProjectFixture(dataSource);
      const before = await footprint(project.id);
      const response = await report('sao', {
        projectId: project.id,
        version: 1,
        physicalProgress: 101,
        spentAmount: '-1.00',
        keyFigures: { householdsRelocated: -3 },
        note: 'x'.repeat(2001),
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual(
        expect.arrayContaining([
          { field: 'physicalProgress', message: 'Au maximum 100.' },
          { field: 'spentAmount', message: BAD_AMOUNT },
          { field: 'keyFigures.householdsRelocated', message: 'Au minimum 0.' },
          { field: 'note', message: '2000 caractères au maximum.' },
        ]),
      );
      const empty = await report('sao', { projectId: project.id, version: 1, note: '' });
      expect(fieldsOf(empty)).toEqual([{ field: 'note', message: 'Ce champ est obligatoire.' }]);
      expect(await footprint(project.id)).toEqual(before);
    });

    it('is CONFLICT on a stale version, and writes nothing', async () => {
      const project = await createProjectFixture(dataSource);
      expect(
        (await report('sao', { projectId: project.id, version: 1, physicalProgress: 45, note: 'Un.' }))
          .errors,
      ).toBeUndefined();
      const before = await footprint(project.id);
      const stale = await report('sao', {
        projectId: project.id,
        version: 1,
        physicalProgress: 50,
        note: 'Deux.',
      });
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(await footprint(project.id)).toEqual(before);
    });

    it('lets exactly one of eight concurrent reports on one version win: one journal row, one audit event', async () => {
      const project = await createProjectFixture(dataSource);
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          report('sao', {
            projectId: project.id,
            version: 1,
            physicalProgress: 41 + index,
            note: `Rapport ${index}`,
          }),
        ),
      );
      const codes = responses.map((response) => codeOf(response) ?? 'OK');
      expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
      expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(7);

      const [winner] = responses.flatMap((response) => response.data?.reportProjectProgress ?? []);
      const journal = await dataSource.query(
        'SELECT note FROM project_progress_report WHERE project_id = $1',
        [project.id],
      );
      expect(journal).toEqual([{ note: winner.note }]);
      const events = await auditEvents(project.id);
      expect(events).toHaveLength(1);
      expect(events[0].changes['note']).toEqual([null, winner.note]);
      const [row] = await dataSource.query('SELECT version, physical_progress FROM project WHERE id = $1', [
        project.id,
      ]);
      expect(row).toEqual({ version: 2, physical_progress: winner.physicalProgress.toFixed(2) });
    });

    it('lists the journal newest first with its authors, page by page', async () => {
      const project = await createProjectFixture(dataSource);
      await addProgressReports(dataSource, project, ['Janvier', 'Février'], null);
      const filed = await report('sao', {
        projectId: project.id,
        version: 1,
        physicalProgress: 55,
        note: 'Mars',
      });
      expect(filed.errors).toBeUndefined();

      const page = journalOf(await as<JournalResult>('elu', JOURNAL, { id: project.id, first: 2 }));
      expect(page.totalCount).toBe(3);
      expect(page.edges.map((e) => e.node)).toEqual([
        { note: 'Mars', status: 'WORKS', author: { displayName: 'Youssef Bennani' } },
        { note: 'Février', status: 'WORKS', author: null },
      ]);
      expect(page.pageInfo.hasNextPage).toBe(true);

      const second = journalOf(
        await as<JournalResult>('elu', JOURNAL, { id: project.id, first: 2, after: page.pageInfo.endCursor }),
      );
      expect(second.edges.map((e) => e.node.note)).toEqual(['Janvier']);
      expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });

      const tooMany = await as('elu', JOURNAL, { id: project.id, first: 500 });
      expect(fieldsOf(tooMany)).toEqual([{ field: 'first', message: 'Au maximum 100.' }]);
      const forged = await as('elu', JOURNAL, { id: project.id, after: 'bm90LWEtY3Vyc29y' });
      expect(fieldsOf(forged)).toEqual([{ field: 'after', message: expect.any(String) }]);
    });
  });

  describe('health in lists', () => {
    const LIST = `query ($filter: ProjectFilter, $orderBy: ProjectOrder, $first: Int, $after: String) {
      projects(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { code health } }
      }
    }`;
    interface ListResult {
      projects: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { code: string; health: Health | null } }[];
      };
    }
    const prefix = `HL${process.pid}`;
    const codes: Record<string, string> = {};

    beforeAll(async () => {
      const longAgo = new Date(Date.now() - (PROGRESS_REPORT_FRESHNESS_DAYS + 5) * 86_400_000);
      const fixtures: Record<string, Parameters<typeof createProjectFixture>[1]> = {
        onTrack: { codePrefix: prefix },
        atRisk: { codePrefix: prefix, values: { lastReportedAt: longAgo, createdAt: longAgo } },
        offTrack: { codePrefix: prefix, values: { status: 'SUSPENDED' } },
        delivered: { codePrefix: prefix, values: { status: 'DELIVERED', physicalProgress: '100' } },
      };
      for (const [name, fixture] of Object.entries(fixtures)) {
        codes[name] = (await createProjectFixture(dataSource, fixture)).code;
      }
    });

    it('filters on health in SQL, counts included', async () => {
      const response = await as<ListResult>('ministere', LIST, {
        filter: { search: prefix, health: ['AT_RISK', 'OFF_TRACK'] },
        first: 10,
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.projects.totalCount).toBe(2);
      expect(response.data?.projects.edges.map((e) => e.node)).toEqual(
        expect.arrayContaining([
          { code: codes['atRisk'], health: 'AT_RISK' },
          { code: codes['offTrack'], health: 'OFF_TRACK' },
        ]),
      );
    });

    it('sorts by severity, the worst first, across pages', async () => {
      const seen: { code: string; health: Health | null }[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page++) {
        const response: GraphqlResponse<ListResult> = await as<ListResult>('ministere', LIST, {
          filter: { search: prefix },
          orderBy: { field: 'HEALTH', direction: 'DESC' },
          first: 1,
          after,
        });
        const { projects } = dataOf(response);
        seen.push(...projects.edges.map((e) => e.node));
        if (!projects.pageInfo.hasNextPage) break;
        after = projects.pageInfo.endCursor;
      }
      expect(seen).toEqual([
        { code: codes['offTrack'], health: 'OFF_TRACK' },
        { code: codes['atRisk'], health: 'AT_RISK' },
        { code: codes['onTrack'], health: 'ON_TRACK' },
        { code: codes['delivered'], health: null },
      ]);
    });

    it('costs as many SQL statements for 5 projects as for 50 with health, milestones and journals', async () => {
      const batchPrefix = `ST${process.pid}`;
      for (let index = 0; index < 12; index++) {
        const project = await createProjectFixture(dataSource, { codePrefix: batchPrefix });
        await addMilestones(dataSource, project.id, ['Études', 'Travaux', 'Livraison']);
        await addProgressReports(dataSource, project, ['Un', 'Deux', 'Trois'], saoUserId);
      }
      const PAGE = `query ($filter: ProjectFilter, $first: Int) {
        projects(filter: $filter, first: $first) {
          edges { node { code health milestones { title }
            progressReports(first: 2) { totalCount edges { node { note author { displayName } } } } } }
        }
      }`;
      const statements = async (first: number) =>
        (
          await statementsDuring(async () => {
            const response = await as<ListResult>('ministere', PAGE, {
              filter: { search: batchPrefix },
              first,
            });
            expect(response.errors).toBeUndefined();
            expect(response.data?.projects.edges).toHaveLength(Math.min(first, 12));
          })
        ).length;
      expect(await statements(50)).toBe(await statements(5));
    });
  });

  describe('the health rule, project_health() in SQL', () => {
    // A 100-day plan, so that a day is one point of schedule: on day 60, 60 % should be done.
    const start = '2026-01-01';
    const end = addDays(start, 100);
    const day60 = addDays(start, 60);
    const base = {
      status: 'WORKS',
      progress: '60',
      budget: '1000',
      spent: '600',
      start: start as string | null,
      end,
      lastReportedAt: `${day60}T12:00:00Z` as string | null,
      createdAt: `${start}T12:00:00Z`,
      today: day60,
    };
    type Case = Partial<typeof base>;
    const fresh = (daysAgo: number): Case => ({ lastReportedAt: `${addDays(day60, -daysAgo)}T12:00:00Z` });

    const cases: [string, Case, Health | null][] = [
      ['on schedule and on budget', {}, 'ON_TRACK'],
      ['schedule gap of exactly 10 points', { progress: '50' }, 'ON_TRACK'],
      ['schedule gap just over 10 points', { progress: '49.99' }, 'AT_RISK'],
      ['schedule gap of exactly 25 points', { progress: '35' }, 'AT_RISK'],
      ['schedule gap just over 25 points', { progress: '34.99' }, 'OFF_TRACK'],
      ['ahead of schedule', { progress: '90', spent: '900' }, 'ON_TRACK'],
      ['overspend of exactly 10 points', { spent: '700' }, 'ON_TRACK'],
      ['overspend just over 10 points', { spent: '700.10' }, 'AT_RISK'],
      ['overspend of exactly 25 points', { spent: '850' }, 'AT_RISK'],
      ['overspend just over 25 points', { spent: '850.10' }, 'OFF_TRACK'],
      ['no budget: no overspend', { budget: '0', spent: '5000' }, 'ON_TRACK'],
      ['no start date: no schedule gap', { start: null, progress: '0', spent: '0' }, 'ON_TRACK'],
      [
        'planned end is today',
        { today: end, lastReportedAt: `${end}T12:00:00Z`, progress: '95', spent: '950' },
        'ON_TRACK',
      ],
      [
        'planned end passed yesterday',
        { today: addDays(end, 1), lastReportedAt: `${end}T12:00:00Z`, progress: '99', spent: '990' },
        'OFF_TRACK',
      ],
      ['suspended', { status: 'SUSPENDED' }, 'OFF_TRACK'],
      ['delivered: no health', { status: 'DELIVERED', progress: '10' }, null],
      ['cancelled: no health', { status: 'CANCELLED', progress: '10' }, null],
      [
        `last report ${PROGRESS_REPORT_FRESHNESS_DAYS} days ago`,
        fresh(PROGRESS_REPORT_FRESHNESS_DAYS),
        'ON_TRACK',
      ],
      [
        `last report ${PROGRESS_REPORT_FRESHNESS_DAYS + 1} days ago: stale`,
        fresh(PROGRESS_REPORT_FRESHNESS_DAYS + 1),
        'AT_RISK',
      ],
      [
        'never reported, created long ago: stale',
        {
          lastReportedAt: null,
          createdAt: `${addDays(day60, -PROGRESS_REPORT_FRESHNESS_DAYS - 1)}T12:00:00Z`,
        },
        'AT_RISK',
      ],
      [
        'never reported, created recently',
        { lastReportedAt: null, createdAt: `${day60}T12:00:00Z` },
        'ON_TRACK',
      ],
    ];

    it.each(
      cases.map(
        ([name, overrides, expected]) => [`${name} → ${expected ?? 'none'}`, overrides, expected] as const,
      ),
    )('%s', async (_name, overrides, expected) => {
      const c = { ...base, ...overrides };
      const [{ health }] = await dataSource.query(
        'SELECT project_health($1, $2, $3, $4, $5, $6, $7, $8, $9) AS health',
        [c.status, c.progress, c.budget, c.spent, c.start, c.end, c.lastReportedAt, c.createdAt, c.today],
      );
      expect(health).toBe(expected);
    });
  });
});
