import { todayInMorocco } from '@convergence/server/core';
import { DataSource } from 'typeorm';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

/**
 * Issue #3, "Done when": the demo accounts, through GraphQL, show the story. Each persona sees
 * exactly its scope, the subsidiary manager reports progress, the partner declares and the ministry
 * verifies, the scorecard agrees with the lists, and the audit trail tells who did what.
 *
 * Everything a persona sees or does goes through POST /graphql with its own token. SQL only computes
 * independent expectations: the scope of each persona is written by hand below from PRODUCT.md
 * ("Who may do what"), not derived from the api's rules. The steps share state and run in order.
 */

type Persona = 'ministere' | 'elu' | 'sao' | 'prefecture' | 'elu.marrakech' | 'lydec';
const PERSONAS: Persona[] = ['ministere', 'elu', 'sao', 'prefecture', 'elu.marrakech', 'lydec'];

/** Who each demo account is (demo-organizations.ts), as the audit trail must name them. */
const NAMES = {
  ministere: 'Karim El Idrissi',
  elu: 'Fatima Zahra Alaoui',
  sao: 'Youssef Bennani',
} as const;

type Kind = 'projects' | 'commitments' | 'actions' | 'forums' | 'conventions';
const KINDS: Kind[] = ['projects', 'commitments', 'actions', 'forums', 'conventions'];

/** Rows naming the persona's organisation ($1): what it takes part in, wherever it is. */
const INVOLVED: Record<Kind, string> = {
  projects: '(lead_organization_id = $1 OR $1 = ANY (partner_organization_ids))',
  commitments: '(organization_id = $1)',
  actions: '(responsible_organization_id = $1 OR $1 = ANY (contributor_organization_ids))',
  forums: '($1 = ANY (participant_organization_ids))',
  conventions: '($1 = ANY (party_organization_ids))',
};

/** A territorial reader: `column = code` on every kind (forums and conventions only carry a region). */
const territorial = (
  projectsCommitmentsActions: string,
  forumsConventions: string,
): Record<Kind, string> => ({
  projects: projectsCommitmentsActions,
  commitments: projectsCommitmentsActions,
  actions: projectsCommitmentsActions,
  forums: forumsConventions,
  conventions: forumsConventions,
});
const region = (code: string) => territorial(`region_code = '${code}'`, `region_code = '${code}'`);

/**
 * PRODUCT.md, "Who may do what", row "read projects, commitments, actions, forums", by hand:
 * ministry all; regional elected and subsidiary manager their region; authority agent its
 * prefecture/province; partner where its organisation takes part — and everyone what its organisation
 * takes part in. Conventions are not in that row: like forums they are regional, so an authority
 * agent reads those of the region its prefecture is in (see the report of this test).
 */
const SCOPES: Record<Persona, Record<Kind, string> | 'ALL'> = {
  ministere: 'ALL',
  elu: region('06'),
  sao: region('06'),
  prefecture: territorial(`province_code = '06.141'`, `region_code = '06'`),
  'elu.marrakech': region('07'),
  lydec: territorial('FALSE', 'FALSE'),
};

/** Money as exact cents, never floats. */
const cents = (decimal: string): bigint => {
  const [units, fraction = ''] = decimal.split('.');
  const sign = units.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(units.replace('-', '')) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2)));
};
const mad = (amount: bigint): string => `${amount / 100n}.${String(amount % 100n).padStart(2, '0')}`;
const sumMad = (amounts: (string | null)[]): string =>
  mad(amounts.reduce<bigint>((sum, amount) => sum + (amount === null ? 0n : cents(amount)), 0n));

const dayNumber = (isoDate: string) => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/**
 * Health as libs/server/projects/README.md defines it, recomputed here from what the client reads,
 * for a project that was just reported on (so never stale).
 */
function expectedHealth(project: Project, today: string): string | null {
  if (project.status === 'DELIVERED' || project.status === 'CANCELLED') return null;
  if (project.status === 'SUSPENDED' || (project.plannedEndDate && project.plannedEndDate < today))
    return 'OFF_TRACK';
  const { startDate: start, plannedEndDate: end } = project;
  const elapsed =
    start && end && end > start
      ? Math.min(
          100,
          Math.max(0, ((dayNumber(today) - dayNumber(start)) * 100) / (dayNumber(end) - dayNumber(start))),
        )
      : null;
  const scheduleGap = elapsed === null ? 0 : elapsed - project.physicalProgress;
  const budget = Number(project.budget);
  const moneyGap = budget > 0 ? (Number(project.spentAmount) * 100) / budget - project.physicalProgress : 0;
  if (scheduleGap > 25 || moneyGap > 25) return 'OFF_TRACK';
  if (scheduleGap > 10 || moneyGap > 10) return 'AT_RISK';
  return 'ON_TRACK';
}

interface Connection<T> {
  totalCount: number;
  edges: { node: T }[];
}
const nodes = <T>(connection: Connection<T> | undefined): T[] => connection?.edges.map((e) => e.node) ?? [];

interface Me {
  id: string;
  displayName: string;
  organization: { id: string; name: string };
}

interface Project {
  id: string;
  code: string;
  status: string;
  health: string | null;
  physicalProgress: number;
  budget: string;
  spentAmount: string;
  startDate: string | null;
  plannedEndDate: string | null;
  lastReportedAt: string | null;
  version: number;
  territory: { code: string };
}
const PROJECT = `id code status health physicalProgress budget spentAmount startDate plannedEndDate
  lastReportedAt version territory { code }`;

interface Report {
  id: string;
  note: string;
  status: string;
  previousStatus: string;
  physicalProgress: number;
  spentAmount: string;
  author: { displayName: string } | null;
}
const REPORT = 'id note status previousStatus physicalProgress spentAmount author { displayName }';

interface Commitment {
  id: string;
  title: string;
  status: string;
  late: boolean;
  amount: string | null;
  fulfilledAmount: string;
  fulfilledOn: string | null;
  statusNote: string | null;
  version: number;
  organization: { id: string; name: string };
  territory: { code: string } | null;
  fulfilments: {
    amount: string | null;
    complete: boolean;
    note: string;
    accepted: boolean | null;
    verificationNote: string | null;
    declaredBy: { displayName: string } | null;
    verifiedBy: { displayName: string } | null;
  }[];
}
const COMMITMENT = `id title status late amount fulfilledAmount fulfilledOn statusNote version
  organization { id name } territory { code }
  fulfilments { amount complete note accepted verificationNote declaredBy { displayName } verifiedBy { displayName } }`;

interface AuditEvent {
  action: string;
  operation: string;
  actor: { displayName: string } | null;
  changes: Record<string, [unknown, unknown]>;
}
const AUDIT_TRAIL = `query ($type: SubjectType!, $id: ID!) {
  auditTrail(subjectType: $type, subjectId: $id) {
    totalCount edges { node { action operation actor { displayName } changes } }
  }
}`;

describe('the demo journey (issue #3): one picture, many actors, through GraphQL', () => {
  jest.setTimeout(60_000);
  let api: TestApi;
  let db: DataSource;
  const tokens = {} as Record<Persona, string>;
  const me = {} as Record<Persona, Me>;
  const today = todayInMorocco();

  beforeAll(async () => {
    const started = performance.now();
    // A pool of one, as on the embedded database of `npm start`.
    api = await startTestApi({ demo: true, poolSize: 1 });
    db = api.app.get(DataSource);
    for (const persona of PERSONAS) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
      me[persona] = await ok<{ me: Me }>(
        persona,
        'query { me { id displayName organization { id name } } }',
      ).then((data) => data.me);
    }
    console.log(`Demo api up and 6 personas signed in: ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(() => api?.close());

  const as = <T = Record<string, unknown>>(
    persona: Persona,
    query: string,
    variables?: Record<string, unknown>,
  ) => api.graphql<T>(query, variables, { token: tokens[persona] });
  /** The data of a request that must succeed (its errors shown when it does not). */
  async function ok<T>(persona: Persona, query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await as<T>(persona, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }
  const codeOf = (response: GraphqlResponse) => response.errors?.[0]?.extensions?.code;

  // Shared by the steps of the story.
  /** `trailBefore`: how many audit events the subject had before the step (the demo seed writes none). */
  let reported: { before: Project; after: Project; note: string; trailBefore: number };
  let declared: { before: Commitment; note: string; trailBefore: number };
  let sentBack: { before: Commitment; note: string; trailBefore: number };
  /** How long the audit trail of a subject is, as the ministry reads it. */
  const trailLength = async (type: string, id: string) =>
    (await ok<{ auditTrail: { totalCount: number } }>('ministere', AUDIT_TRAIL, { type, id })).auditTrail
      .totalCount;

  describe('1. each persona sees exactly its scope', () => {
    /** What PRODUCT.md says the persona may read, counted in SQL over the demo database. */
    async function expectedCounts(persona: Persona): Promise<Record<Kind, number>> {
      const [{ organization_id: organizationId }] = await db.query<{ organization_id: string }[]>(
        'SELECT organization_id FROM app_user WHERE email = $1',
        [`${persona}@demo.convergence.ma`],
      );
      const scope = SCOPES[persona];
      const counts = {} as Record<Kind, number>;
      for (const kind of KINDS) {
        const table = kind.slice(0, -1);
        const [{ n }] =
          scope === 'ALL'
            ? await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`)
            : await db.query<{ n: number }[]>(
                `SELECT count(*)::int AS n FROM ${table} WHERE (${scope[kind]}) OR ${INVOLVED[kind]}`,
                [organizationId],
              );
        counts[kind] = n;
      }
      return counts;
    }

    const COUNTS = `query {
      projects { totalCount } commitments { totalCount } actions { totalCount }
      forums { totalCount } conventions { totalCount }
    }`;

    it.each(PERSONAS)('%s: every list counts exactly what PRODUCT.md lets it read', async (persona) => {
      const expected = await expectedCounts(persona);
      const data = await ok<Record<Kind, { totalCount: number }>>(persona, COUNTS);
      const counts = Object.fromEntries(KINDS.map((kind) => [kind, data[kind].totalCount]));
      expect(counts).toEqual(expected);
      // The demo gives every persona something of each kind to look at.
      for (const kind of KINDS) expect(counts[kind]).toBeGreaterThan(0);
    });

    it('the demo makes scoping visible: the two regions split the ministry’s projects, a prefecture reads a part of its region', async () => {
      const all = await expectedCounts('ministere');
      const elu = await expectedCounts('elu');
      const marrakech = await expectedCounts('elu.marrakech');
      const prefecture = await expectedCounts('prefecture');
      expect(elu.projects).toBeLessThan(all.projects);
      expect(marrakech.projects).toBeLessThan(elu.projects);
      expect(prefecture.projects).toBeLessThan(elu.projects);
      expect(elu.projects + marrakech.projects).toBe(all.projects);
    });

    it('the elected official of Marrakech-Safi sees no row of Casablanca-Settat, not even by its id', async () => {
      const data = await ok<{
        projects: Connection<{ territory: { code: string } }>;
        commitments: Connection<{ territory: { code: string } | null }>;
        actions: Connection<{ territory: { code: string } }>;
        forums: Connection<{ region: { code: string } | null }>;
        conventions: Connection<{ region: { code: string } | null }>;
        inCasablancaSettat: { totalCount: number };
        commitmentsInCasablancaSettat: { totalCount: number };
        actionsInCasablancaSettat: { totalCount: number };
      }>(
        'elu.marrakech',
        `query {
          projects(first: 100) { totalCount edges { node { territory { code } } } }
          commitments(first: 100) { totalCount edges { node { territory { code } } } }
          actions(first: 100) { totalCount edges { node { territory { code } } } }
          forums(first: 100) { totalCount edges { node { region { code } } } }
          conventions(first: 100) { totalCount edges { node { region { code } } } }
          inCasablancaSettat: projects(filter: { territoryCode: "06" }) { totalCount }
          commitmentsInCasablancaSettat: commitments(filter: { territoryCode: "06" }) { totalCount }
          actionsInCasablancaSettat: actions(filter: { territoryCode: "06" }) { totalCount }
        }`,
      );
      const codes = [
        ...nodes(data.projects).map((p) => p.territory.code),
        ...nodes(data.commitments).map((c) => c.territory?.code ?? 'national'),
        ...nodes(data.actions).map((a) => a.territory.code),
        ...nodes(data.forums).map((f) => f.region?.code ?? 'national'),
        ...nodes(data.conventions).map((c) => c.region?.code ?? 'national'),
      ];
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.filter((code) => code === '06' || code.startsWith('06.'))).toEqual([]);
      expect(data.inCasablancaSettat.totalCount).toBe(0);
      expect(data.commitmentsInCasablancaSettat.totalCount).toBe(0);
      expect(data.actionsInCasablancaSettat.totalCount).toBe(0);

      const casablanca = await ok<{ projects: Connection<{ id: string; code: string }> }>(
        'ministere',
        'query { projects(filter: { territoryCode: "06.141" }, first: 1) { totalCount edges { node { id code } } } }',
      );
      const [project] = nodes(casablanca.projects);
      expect(project).toBeDefined();
      const lookup = await as<{ project: unknown }>(
        'elu.marrakech',
        'query ($id: ID!) { project(id: $id) { id code } }',
        { id: project.id },
      );
      expect(lookup.errors).toBeUndefined();
      expect(lookup.data).toEqual({ project: null });
    });
  });

  describe('2. the subsidiary manager reports progress on one of its works', () => {
    const NOTE = 'Relogement de 180 ménages supplémentaires ; démolition des baraques du douar Chichane.';

    it('SAO files a report: +5 points, spent +5 % of the budget, status unchanged; it heads the journal', async () => {
      const works = await ok<{ projects: Connection<{ id: string; code: string }> }>(
        'sao',
        `query ($lead: ID!) {
          projects(filter: { leadOrganizationId: $lead, status: [WORKS] }, first: 100) { totalCount edges { node { id code } } }
        }`,
        { lead: me.sao.organization.id },
      );
      const mohammadia = nodes(works.projects).find((p) => p.code === 'SAO-CS-VSB-MOHAMMADIA');
      expect(mohammadia).toBeDefined();

      const PROJECT_WITH_JOURNAL = `query ($id: ID!) { project(id: $id) {
        ${PROJECT} progressReports(first: 3) { totalCount edges { node { ${REPORT} } } }
      } }`;
      type WithJournal = { project: Project & { progressReports: Connection<Report> } };
      const before = (await ok<WithJournal>('sao', PROJECT_WITH_JOURNAL, { id: mohammadia?.id })).project;
      expect(before.status).toBe('WORKS');
      const trailBefore = await trailLength('PROJECT', before.id);

      const physicalProgress = Math.round((before.physicalProgress + 5) * 100) / 100;
      const spentAmount = mad(cents(before.spentAmount) + cents(before.budget) / 20n);
      const filed = await ok<{ reportProjectProgress: Report & { project: Project } }>(
        'sao',
        `mutation ($input: ReportProjectProgressInput!) {
          reportProjectProgress(input: $input) { ${REPORT} project { ${PROJECT} } }
        }`,
        {
          input: { projectId: before.id, version: before.version, physicalProgress, spentAmount, note: NOTE },
        },
      );
      expect(filed.reportProjectProgress).toMatchObject({
        note: NOTE,
        status: 'WORKS',
        previousStatus: 'WORKS',
        physicalProgress,
        spentAmount,
        author: { displayName: NAMES.sao },
        project: { id: before.id, version: before.version + 1, physicalProgress, spentAmount },
      });

      // What SAO now reads: the new values, the entry first in the journal, the health of the new figures.
      const after = (await ok<WithJournal>('sao', PROJECT_WITH_JOURNAL, { id: before.id })).project;
      expect(after).toMatchObject({
        status: 'WORKS',
        physicalProgress,
        spentAmount,
        budget: before.budget,
        version: before.version + 1,
      });
      expect(Date.parse(after.lastReportedAt ?? '')).toBeGreaterThan(Date.parse(before.lastReportedAt ?? ''));
      expect(after.progressReports.totalCount).toBe(before.progressReports.totalCount + 1);
      const [latest, previous] = nodes(after.progressReports);
      expect(latest.id).toBe(filed.reportProjectProgress.id);
      expect(latest).toMatchObject({
        note: NOTE,
        physicalProgress,
        spentAmount,
        author: { displayName: NAMES.sao },
      });
      expect(previous).toEqual(nodes(before.progressReports)[0]);
      expect(after.health).toBe(expectedHealth(after, today));
      console.log(
        `${after.code}: ${before.physicalProgress} % → ${physicalProgress} %, health ${before.health} → ${after.health}`,
      );
      reported = { before, after, note: NOTE, trailBefore };
    });

    it('the elected official of Casablanca-Settat reads the project but may not report: FORBIDDEN, nothing changes', async () => {
      const { after } = reported;
      const attempt = await as(
        'elu',
        `mutation ($input: ReportProjectProgressInput!) { reportProjectProgress(input: $input) { id } }`,
        {
          input: { projectId: after.id, version: after.version, physicalProgress: 100, note: 'Achevé ?' },
        },
      );
      expect(codeOf(attempt)).toBe('FORBIDDEN');
      const seen = await ok<{ project: Project }>(
        'elu',
        `query ($id: ID!) { project(id: $id) { ${PROJECT} } }`,
        {
          id: after.id,
        },
      );
      expect(seen.project).toMatchObject({
        version: after.version,
        physicalProgress: after.physicalProgress,
      });
    });
  });

  describe('3. the partner declares, the ministry verifies', () => {
    const DECLARE = `mutation ($input: DeclareFulfilmentInput!) { declareCommitmentFulfilment(input: $input) { ${COMMITMENT} } }`;
    const VERIFY = `mutation ($input: VerifyFulfilmentInput!) { verifyCommitmentFulfilment(input: $input) { ${COMMITMENT} } }`;
    const QUEUE = `query { commitments(filter: { status: [DECLARED] }, first: 100) { totalCount edges { node { ${COMMITMENT} } } } }`;
    type Queue = { commitments: Connection<Commitment> };

    it('the regional council declares one of its own late commitments fulfilled: DECLARED, no longer late', async () => {
      const own = await ok<{ commitments: Connection<Commitment> }>(
        'elu',
        `query ($org: ID!) {
          commitments(filter: { organizationId: $org, status: [PLANNED, IN_PROGRESS] }, first: 100) {
            totalCount edges { node { ${COMMITMENT} } }
          }
        }`,
        { org: me.elu.organization.id },
      );
      expect(nodes(own.commitments).every((c) => c.organization.id === me.elu.organization.id)).toBe(true);
      const relocation = nodes(own.commitments).find(
        (c) => c.title === 'Cofinancement régional du relogement des ménages des karyans',
      );
      expect(relocation).toMatchObject({ status: 'IN_PROGRESS', late: true, amount: '120000000.00' });
      const before = relocation as Commitment;
      const trailBefore = await trailLength('COMMITMENT', before.id);

      const note = 'Virement de 120 M MAD du 25 novembre, avis de virement n° 2026-1187 joint.';
      const response = await ok<{ declareCommitmentFulfilment: Commitment }>('elu', DECLARE, {
        input: { commitmentId: before.id, version: before.version, complete: true, note },
      });
      expect(response.declareCommitmentFulfilment).toMatchObject({
        status: 'DECLARED',
        late: false,
        fulfilledAmount: '0.00',
        version: before.version + 1,
      });
      expect(response.declareCommitmentFulfilment.fulfilments.at(-1)).toEqual({
        amount: before.amount,
        complete: true,
        note,
        accepted: null,
        verificationNote: null,
        declaredBy: { displayName: NAMES.elu },
        verifiedBy: null,
      });
      declared = { before, note, trailBefore };
    });

    it('it appears in the ministry’s verification queue, with the demo’s other declarations', async () => {
      const queue = await ok<Queue>('ministere', QUEUE);
      const [{ n }] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM commitment WHERE status = 'DECLARED'`,
      );
      expect(queue.commitments.totalCount).toBe(n);
      expect(n).toBeGreaterThanOrEqual(3);
      const titles = nodes(queue.commitments).map((c) => c.title);
      expect(titles).toEqual(
        expect.arrayContaining([
          declared.before.title,
          'Viabilisation de 3 000 lots de recasement',
          'Cofinancement de la voirie structurante du pôle de Tit Mellil',
        ]),
      );
      expect(nodes(queue.commitments).every((c) => c.status === 'DECLARED')).toBe(true);
    });

    it('the ministry accepts it: FULFILLED, the whole amount fulfilled, on the day it was declared', async () => {
      const response = await ok<{ verifyCommitmentFulfilment: Commitment }>('ministere', VERIFY, {
        input: { commitmentId: declared.before.id, version: declared.before.version + 1, accepted: true },
      });
      const verified = response.verifyCommitmentFulfilment;
      expect(verified).toMatchObject({
        status: 'FULFILLED',
        late: false,
        fulfilledAmount: declared.before.amount,
        fulfilledOn: today,
        version: declared.before.version + 2,
      });
      expect(verified.fulfilments.at(-1)).toMatchObject({
        accepted: true,
        declaredBy: { displayName: NAMES.elu },
        verifiedBy: { displayName: NAMES.ministere },
      });
      // The council reads the same.
      const seen = await ok<{ commitment: Commitment }>(
        'elu',
        `query ($id: ID!) { commitment(id: $id) { ${COMMITMENT} } }`,
        {
          id: declared.before.id,
        },
      );
      expect(seen.commitment).toMatchObject({ status: 'FULFILLED', fulfilledAmount: declared.before.amount });
    });

    it('the ministry sends back SAO’s declaration with a note: IN_PROGRESS again, late again, SAO reads why', async () => {
      const queue = await ok<Queue>('ministere', QUEUE);
      expect(nodes(queue.commitments).map((c) => c.id)).not.toContain(declared.before.id);
      const lots = nodes(queue.commitments).find(
        (c) => c.title === 'Viabilisation de 3 000 lots de recasement',
      );
      expect(lots).toMatchObject({ organization: { id: me.sao.organization.id } });
      const before = lots as Commitment;
      const trailBefore = await trailLength('COMMITMENT', before.id);

      const note = 'Le PV de réception ne couvre que 2 400 lots : déclarer les 600 restants avec leur PV.';
      const response = await ok<{ verifyCommitmentFulfilment: Commitment }>('ministere', VERIFY, {
        input: { commitmentId: before.id, version: before.version, accepted: false, note },
      });
      expect(response.verifyCommitmentFulfilment).toMatchObject({
        status: 'IN_PROGRESS',
        late: true,
        statusNote: note,
        fulfilledAmount: '0.00',
        version: before.version + 1,
      });
      expect(response.verifyCommitmentFulfilment.fulfilments.at(-1)).toMatchObject({
        accepted: false,
        verificationNote: note,
        verifiedBy: { displayName: NAMES.ministere },
      });
      const seen = await ok<{ commitment: Commitment }>(
        'sao',
        `query ($id: ID!) { commitment(id: $id) { ${COMMITMENT} } }`,
        {
          id: before.id,
        },
      );
      expect(seen.commitment).toMatchObject({ status: 'IN_PROGRESS', statusNote: note, late: true });
      const after = await ok<Queue>('ministere', QUEUE);
      expect(after.commitments.totalCount).toBe(queue.commitments.totalCount - 1);
      sentBack = { before, note, trailBefore };
    });
  });

  describe('4. the scorecard and the dashboard agree with the lists', () => {
    interface Score {
      organization: { id: string; name: string };
      commitmentCount: number;
      fulfilledCount: number;
      lateCount: number;
      committedAmount: string;
      fulfilledAmount: string;
    }
    const ROW_LISTS = `query ($org: ID!) {
      all: commitments(filter: { organizationId: $org, territoryCode: "06" }, first: 100) {
        totalCount edges { node { status amount fulfilledAmount } }
      }
      late: commitments(filter: { organizationId: $org, territoryCode: "06", late: true }) { totalCount }
      fulfilled: commitments(filter: { organizationId: $org, territoryCode: "06", status: [FULFILLED, PARTIALLY_FULFILLED] }) {
        totalCount
      }
    }`;
    type RowLists = {
      all: Connection<{ status: string; amount: string | null; fulfilledAmount: string }>;
      late: { totalCount: number };
      fulfilled: { totalCount: number };
    };

    it.each<Persona>(['ministere', 'elu', 'prefecture'])(
      '%s: every row of the scorecard of Casablanca-Settat equals the commitments list of that partner',
      async (persona) => {
        const { partnerScorecard: scorecard, commitments } = await ok<{
          partnerScorecard: Score[];
          commitments: { totalCount: number };
        }>(
          persona,
          `query {
            partnerScorecard(territoryCode: "06") {
              organization { id name } commitmentCount fulfilledCount lateCount committedAmount fulfilledAmount
            }
            commitments(filter: { territoryCode: "06" }) { totalCount }
          }`,
        );
        expect(scorecard.length).toBeGreaterThan(0);
        expect(scorecard.reduce((sum, row) => sum + row.commitmentCount, 0)).toBe(commitments.totalCount);
        for (const row of scorecard) {
          const lists = await ok<RowLists>(persona, ROW_LISTS, { org: row.organization.id });
          const listed = nodes(lists.all);
          expect({ name: row.organization.name, ...row }).toEqual({
            name: row.organization.name,
            organization: row.organization,
            commitmentCount: lists.all.totalCount,
            lateCount: lists.late.totalCount,
            fulfilledCount: lists.fulfilled.totalCount,
            committedAmount: sumMad(listed.filter((c) => c.status !== 'CANCELLED').map((c) => c.amount)),
            fulfilledAmount: sumMad(listed.map((c) => c.fulfilledAmount)),
          });
        }
        // The story so far shows in it: the council's commitment accepted in step 3 counts as fulfilled.
        const council = scorecard.find((row) => row.organization.id === me.elu.organization.id);
        expect(council?.fulfilledCount).toBeGreaterThan(0);
      },
    );

    it('the ministry’s dashboard of Casablanca-Settat agrees with the projects, commitments and actions lists', async () => {
      const data = await ok<{
        dashboard: {
          territory: { code: string } | null;
          projectCount: number;
          investmentCommitted: string;
          investmentRealised: string;
          projectsByStatus: { status: string; count: number }[];
          projectsByHealth: { health: string; count: number }[];
          lateCommitmentCount: number;
          overdueActionCount: number;
          scorecard: { lateCount: number }[];
        };
        projects: Connection<{ status: string; health: string | null; budget: string; spentAmount: string }>;
        late: { totalCount: number };
        overdue: { totalCount: number };
      }>(
        'ministere',
        `query {
          dashboard(territoryCode: "06") {
            territory { code } projectCount investmentCommitted investmentRealised
            projectsByStatus { status count } projectsByHealth { health count }
            lateCommitmentCount overdueActionCount scorecard { lateCount }
          }
          projects(filter: { territoryCode: "06" }, first: 100) {
            totalCount edges { node { status health budget spentAmount } }
          }
          late: commitments(filter: { territoryCode: "06", late: true }) { totalCount }
          overdue: actions(filter: { territoryCode: "06", overdue: true }) { totalCount }
        }`,
      );
      const { dashboard } = data;
      const projects = nodes(data.projects);
      expect(projects).toHaveLength(data.projects.totalCount);
      expect(dashboard.territory).toEqual({ code: '06' });
      expect(dashboard.projectCount).toBe(data.projects.totalCount);
      expect(dashboard.projectsByStatus.reduce((sum, s) => sum + s.count, 0)).toBe(dashboard.projectCount);
      for (const { status, count } of dashboard.projectsByStatus) {
        expect({ status, count }).toEqual({
          status,
          count: projects.filter((p) => p.status === status).length,
        });
      }
      for (const { health, count } of dashboard.projectsByHealth) {
        expect({ health, count }).toEqual({
          health,
          count: projects.filter((p) => p.health === health).length,
        });
      }
      expect(dashboard.investmentCommitted).toBe(sumMad(projects.map((p) => p.budget)));
      expect(dashboard.investmentRealised).toBe(sumMad(projects.map((p) => p.spentAmount)));
      expect(dashboard.lateCommitmentCount).toBe(data.late.totalCount);
      expect(dashboard.lateCommitmentCount).toBe(
        dashboard.scorecard.reduce((sum, s) => sum + s.lateCount, 0),
      );
      expect(dashboard.lateCommitmentCount).toBeGreaterThan(0);
      expect(dashboard.overdueActionCount).toBe(data.overdue.totalCount);
    });
  });

  describe('5. the audit trail tells who did what', () => {
    type Trail = { auditTrail: Connection<AuditEvent> };
    const trail = (persona: Persona, type: string, id: string) =>
      as<Trail>(persona, AUDIT_TRAIL, { type, id });

    it('the project: SAO’s manager reported, with the figures before and after and the note', async () => {
      const { before, after, note, trailBefore } = reported;
      const response = await trail('elu', 'PROJECT', after.id);
      expect(response.errors).toBeUndefined();
      // One event for the report; the refused attempt of the elected official left no trace.
      expect(response.data?.auditTrail.totalCount).toBe(trailBefore + 1);
      const [event] = nodes(response.data?.auditTrail);
      expect(event).toMatchObject({
        action: 'UPDATE',
        operation: 'reportProjectProgress',
        actor: { displayName: NAMES.sao },
      });
      expect(event.changes).toMatchObject({
        physicalProgress: [before.physicalProgress.toFixed(2), after.physicalProgress.toFixed(2)],
        spentAmount: [before.spentAmount, after.spentAmount],
        note: [null, note],
      });
      expect(Object.keys(event.changes)).not.toContain('status');
      expect(codeOf(await trail('elu.marrakech', 'PROJECT', after.id))).toBe('NOT_FOUND');
    });

    it('the commitment: the council declared, then the ministry verified, newest first', async () => {
      const { before, note, trailBefore } = declared;
      const response = await trail('ministere', 'COMMITMENT', before.id);
      expect(response.errors).toBeUndefined();
      expect(response.data?.auditTrail.totalCount).toBe(trailBefore + 2);
      const [verification, declaration] = nodes(response.data?.auditTrail);
      expect(declaration).toMatchObject({
        action: 'UPDATE',
        operation: 'declareCommitmentFulfilment',
        actor: { displayName: NAMES.elu },
        changes: {
          status: ['IN_PROGRESS', 'DECLARED'],
          fulfilment: [null, expect.objectContaining({ complete: true, note, amount: before.amount })],
        },
      });
      expect(verification).toMatchObject({
        action: 'UPDATE',
        operation: 'verifyCommitmentFulfilment',
        actor: { displayName: NAMES.ministere },
        changes: {
          status: ['DECLARED', 'FULFILLED'],
          fulfilledAmount: ['0.00', before.amount],
          fulfilledOn: [null, today],
        },
      });
      // The council, who may read its commitment, reads the same trail.
      const seenByCouncil = await trail('elu', 'COMMITMENT', before.id);
      expect(seenByCouncil.errors).toBeUndefined();
      expect(nodes(seenByCouncil.data?.auditTrail)).toEqual(nodes(response.data?.auditTrail));
    });

    it('the commitment sent back: the ministry, with its reason', async () => {
      const { before, note, trailBefore } = sentBack;
      const response = await trail('sao', 'COMMITMENT', before.id);
      expect(response.errors).toBeUndefined();
      expect(response.data?.auditTrail.totalCount).toBe(trailBefore + 1);
      const [latest] = nodes(response.data?.auditTrail);
      expect(latest).toEqual(
        expect.objectContaining({
          operation: 'verifyCommitmentFulfilment',
          actor: { displayName: NAMES.ministere },
          changes: expect.objectContaining({
            status: ['DECLARED', 'IN_PROGRESS'],
            statusNote: [null, note],
            fulfilment: [
              expect.objectContaining({ accepted: null }),
              expect.objectContaining({ accepted: false, verificationNote: note }),
            ],
          }),
        }),
      );
    });
  });
});
