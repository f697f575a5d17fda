import { DEMO_ACCOUNTS, DEMO_PASSWORD, ORG } from '@convergence/server/demo';
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPES } from '@convergence/shared/domain';
import { moroccoDay } from '../commitment-fixtures';
import { insertNotifications } from '../notifications/notification-fixtures';
import type { TestApi } from '../test-api';
import { ADMIN_OPERATIONS } from './admin-operations';
import {
  missingId,
  onlyObject,
  overWebSocket,
  sameObject,
  type CaseContext,
  type PreparedRequest,
} from './observe';
import { unique, type FixturePlan, type Persona, type Place, type Scope, type World } from './world';

/** How the matrix exercises one operation of the schema. */
export interface OperationSpec {
  /** The scopes of the table's letters, in order; none: one case per persona. */
  scopes: readonly Scope[];
  /** For a write on an existing object: plans the fresh row the case works on. */
  target?: (plan: FixturePlan, world: Omit<World, 'reads'>, persona: Persona, scope: Scope) => string;
  prepare: (ctx: CaseContext) => PreparedRequest | Promise<PreparedRequest>;
}

const UNSCOPED: readonly Scope[] = [];
const SCOPED: readonly Scope[] = ['inside', 'outside'];
/** For the rules that say "their org's". */
const THEIRS: readonly Scope[] = ['inside', 'outside', 'inside, not theirs'];

/** The organisation whose object an `inside` case works on: the persona's own (none: the region's subsidiary). */
function own(persona: Persona, place: Place): string {
  return persona.organization ?? place.subsidiary;
}

/** A partner contributor reads where its organisation takes part: its `inside` objects name it. */
function involved(persona: Persona): string[] {
  return persona.role === 'PARTNER_CONTRIBUTOR' && persona.organization ? [persona.organization] : [];
}

const reads = (ctx: CaseContext) => ctx.world.reads[ctx.place.key];

type Connection = { totalCount: number; edges: { node: { id: string } }[] };

/** A single read of a fixture by id. */
function single(field: string, pick: (ctx: CaseContext) => string): OperationSpec {
  return {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: `query ($id: ID!) { ${field}(id: $id) { id } }`,
      variables: { id: pick(ctx) },
      judge: (data) => sameObject(data[field], pick(ctx)),
    }),
  };
}

/** A list filtered down to one fixture (`filter` names it alone). */
function list(
  field: string,
  filterType: string,
  filter: (ctx: CaseContext) => Record<string, unknown>,
  pick: (ctx: CaseContext) => string,
): OperationSpec {
  return {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: `query ($filter: ${filterType}) {
        ${field}(filter: $filter, first: 100) { totalCount edges { node { id } } }
      }`,
      variables: { filter: filter(ctx) },
      judge: (data) => onlyObject(data[field] as Connection, pick(ctx)),
    }),
  };
}

/**
 * A write on an existing object: `mutation` takes `$id`; the change shows in the returned object
 * when `changed` says so.
 */
function write(
  target: OperationSpec['target'],
  mutation: string,
  field: string,
  changed: (value: Record<string, unknown>) => boolean,
  scopes: readonly Scope[] = SCOPED,
): OperationSpec {
  return {
    scopes,
    target,
    prepare: (ctx) => ({
      query: mutation,
      variables: { id: ctx.target },
      missing: { id: missingId() },
      judge: (data) => {
        const value = data[field] as Record<string, unknown> | null;
        if (!value) return false;
        return changed(value) || `not changed as asked: ${JSON.stringify(value)}`;
      },
    }),
  };
}

/** A creation: `input` is valid for the place, so that only the persona's rights can stop it. */
function create(
  field: string,
  inputType: string,
  selection: string,
  input: (ctx: CaseContext) => Record<string, unknown>,
  created: (value: Record<string, unknown>, input: Record<string, unknown>, ctx: CaseContext) => boolean,
): OperationSpec {
  return {
    scopes: SCOPED,
    prepare: (ctx) => {
      const values = input(ctx);
      return {
        query: `mutation ($input: ${inputType}!) { ${field}(input: $input) { id ${selection} } }`,
        variables: { input: values },
        judge: (data) => {
          const value = data[field] as Record<string, unknown> | null;
          if (!value) return false;
          return created(value, values, ctx) || `not created as asked: ${JSON.stringify(value)}`;
        },
      };
    },
  };
}

/** The targets of the writes, per kind of object (see `Scope`). */
const targets = {
  /** Led by the region's subsidiary, or by the Al Omrane holding when not theirs. */
  project: ((plan, world, persona, scope) => {
    const place = world.placeOf(persona, scope);
    return plan.project(place, {
      lead: scope === 'inside, not theirs' ? ORG.holding : place.subsidiary,
      partners: scope === 'outside' ? [] : involved(persona),
    });
  }) satisfies OperationSpec['target'],
  /** Owed by the persona's organisation, by the region's subsidiary outside, by a neighbour when not theirs. */
  commitment:
    (status: 'PLANNED' | 'DECLARED'): OperationSpec['target'] =>
    (plan, world, persona, scope) => {
      const place = world.placeOf(persona, scope);
      const organization =
        scope === 'inside' ? own(persona, place) : scope === 'outside' ? place.subsidiary : place.neighbour;
      return plan.commitment(place, { organization, status });
    },
  /** The persona's organisation responsible; when not theirs, a neighbour, the persona's organisation contributing if it reads by taking part. */
  action: ((plan, world, persona, scope) => {
    const place = world.placeOf(persona, scope);
    if (scope === 'inside') return plan.action(place, { responsible: own(persona, place) });
    if (scope === 'outside') return plan.action(place, { responsible: place.subsidiary });
    return plan.action(place, { responsible: place.neighbour, contributors: involved(persona) });
  }) satisfies OperationSpec['target'],
  forum: ((plan, world, persona, scope) => {
    const place = world.placeOf(persona, scope);
    return plan.forum(place, { participants: scope === 'outside' ? [] : involved(persona) });
  }) satisfies OperationSpec['target'],
  convention: ((plan, world, persona, scope) => {
    const place = world.placeOf(persona, scope);
    return plan.convention(place, {
      parties: [place.subsidiary, ...(scope === 'outside' ? [] : involved(persona))],
    });
  }) satisfies OperationSpec['target'],
  /**
   * A comment on a project of the place (the persona reads it inside, not outside): by the persona, or
   * by the visitor when not theirs. Outside, the api would not have taken the persona's comment: the
   * row is written straight into the table, as if the subject had moved out of the persona's scope.
   */
  comment: ((plan, world, persona, scope) => {
    const place = world.placeOf(persona, scope);
    const project = plan.project(place, {
      lead: place.subsidiary,
      partners: scope === 'outside' ? [] : involved(persona),
    });
    const author = scope === 'inside, not theirs' || !persona.email ? world.visitor.email : persona.email;
    return plan.comment('PROJECT', project, world.userIdOf(author));
  }) satisfies OperationSpec['target'],
};

/** The signed-in persona's user id; none for the anonymous visitor. */
function userIdOf(ctx: CaseContext): string | null {
  return ctx.persona.email ? ctx.world.userIdOf(ctx.persona.email) : null;
}

/** The visitor's user id: someone else than every persona. */
const someoneElse = (ctx: CaseContext) => ctx.world.userIdOf(ctx.world.visitor.email);

/**
 * An unread notification of the persona's (none for the anonymous visitor) and one of someone else's,
 * fresh for the case, about the project read in the persona's home.
 */
async function ownAndOthersNotification(ctx: CaseContext): Promise<{ own: string | null; others: string }> {
  const subjectId = ctx.world.reads[ctx.persona.home].project;
  const user = userIdOf(ctx);
  const [others, own] = await insertNotifications(ctx.dataSource, [
    { userId: someoneElse(ctx), type: 'COMMENT_ADDED', subjectId },
    ...(user ? [{ userId: user, type: 'COMMENT_ADDED' as const, subjectId }] : []),
  ]);
  return { own: own ?? null, others };
}

async function isRead(ctx: CaseContext, id: string): Promise<boolean> {
  const [row] = (await ctx.dataSource.query('SELECT read_at FROM notification WHERE id = $1', [id])) as {
    read_at: Date | null;
  }[];
  return row.read_at !== null;
}

/** A choice of someone else's that none of the personas makes: a leak would show in theirs. */
const OTHERS_CHOICE = { type: 'FORUM_REMINDER', channel: 'EMAIL', mode: 'OFF' } as const;

async function someoneElseChooses(ctx: CaseContext): Promise<void> {
  await ctx.dataSource.query(
    `INSERT INTO notification_preference (user_id, type, channel, mode) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, type, channel) DO UPDATE SET mode = EXCLUDED.mode`,
    [someoneElse(ctx), OTHERS_CHOICE.type, OTHERS_CHOICE.channel, OTHERS_CHOICE.mode],
  );
}

/** A user's stored choices (those that differ from the default), as `type/channel/mode`, sorted. */
async function storedChoices(ctx: CaseContext, userId: string): Promise<string[]> {
  const rows = (await ctx.dataSource.query(
    'SELECT type, channel, mode FROM notification_preference WHERE user_id = $1',
    [userId],
  )) as { type: string; channel: string; mode: string }[];
  return rows.map((row) => `${row.type}/${row.channel}/${row.mode}`).sort();
}

interface Preference {
  type: string;
  channel: string;
  mode: string;
  isDefault: boolean;
}
const PREFERENCES = 'entries { type channel mode isDefault }';

/**
 * Every type × channel, and the persona's own choices exactly (so not someone else's): `true`, or
 * what is wrong.
 */
async function ownPreferences(ctx: CaseContext, entries: Preference[]): Promise<true | string> {
  if (entries.length !== NOTIFICATION_TYPES.length * NOTIFICATION_CHANNELS.length) {
    return `${entries.length} entries`;
  }
  const shown = entries.filter((e) => !e.isDefault).map((e) => `${e.type}/${e.channel}/${e.mode}`);
  const stored = await storedChoices(ctx, userIdOf(ctx) ?? '');
  return JSON.stringify(shown.sort()) === JSON.stringify(stored) || `shows ${shown}, stored ${stored}`;
}

const FOLLOW_STATE = `query ($id: ID!) {
  followState(subjectType: PROJECT, subjectId: $id) { following explicit }
}`;

/** An explicit follow or unfollow of the project read in the place: the follow state then says so. */
function followChoice(field: 'follow' | 'unfollow'): OperationSpec {
  return {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: `mutation ($id: ID!) { ${field}(subjectType: PROJECT, subjectId: $id) }`,
      variables: { id: reads(ctx).project },
      judge: async (data) => {
        if (data[field] !== true) return `${field} answered ${JSON.stringify(data)}`;
        const state = await ctx.api.graphql<{ followState: { following: boolean; explicit: boolean } }>(
          FOLLOW_STATE,
          { id: reads(ctx).project },
          { token: ctx.token },
        );
        const { following, explicit } = state.data?.followState ?? {};
        return (
          (following === (field === 'follow') && explicit === true) ||
          `then followState answers ${JSON.stringify(state)}`
        );
      },
    }),
  };
}

/** The persona's credentials; the anonymous visitor signs in with an account of its own. */
function credentials(ctx: CaseContext): { email: string; password: string } {
  return ctx.persona.email ? { email: ctx.persona.email, password: DEMO_PASSWORD } : ctx.world.visitor;
}

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken user { email } }
}`;
const REFRESH = `mutation ($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken refreshToken user { email } }
}`;
interface Session {
  accessToken: string;
  refreshToken: string;
  user: { email: string };
}

/** A sign-in of its own, so that a case may spend or end it without touching the persona's token. */
async function newSession(api: TestApi, email: string, password: string): Promise<Session> {
  const response = await api.graphql<{ login: Session }>(LOGIN, { email, password });
  if (!response.data?.login)
    throw new Error(`sign-in of ${email} failed: ${JSON.stringify(response.errors)}`);
  return response.data.login;
}

const DASHBOARD = `query ($code: String) {
  dashboard(territoryCode: $code) {
    projectCount investmentCommitted investmentRealised housingUnitsDelivered householdsRelocated hectares
    lateCommitmentCount overdueActionCount projectsByStatus { count } projectsByHealth { count }
    scorecard { organization { id } } byCommune { territory { code } projectCount }
    investmentByYear { year committed realised }
  }
}`;
interface Dashboard {
  projectCount: number;
  investmentCommitted: string;
  investmentRealised: string;
  housingUnitsDelivered: number;
  householdsRelocated: number;
  hectares: string;
  lateCommitmentCount: number;
  overdueActionCount: number;
  projectsByStatus: { count: number }[];
  projectsByHealth: { count: number }[];
  scorecard: { organization: { id: string } }[];
  byCommune: { territory: { code: string }; projectCount: number }[];
  investmentByYear: { year: number; committed: string; realised: string }[];
}

/** Every figure of a dashboard that shows nothing. */
function emptyDashboard(d: Dashboard): boolean {
  const numbers = [
    d.projectCount,
    Number(d.investmentCommitted),
    Number(d.investmentRealised),
    d.housingUnitsDelivered,
    d.householdsRelocated,
    Number(d.hectares),
    d.lateCommitmentCount,
    d.overdueActionCount,
    ...d.projectsByStatus.map((s) => s.count),
    ...d.projectsByHealth.map((h) => h.count),
  ];
  return (
    numbers.every((n) => n === 0) &&
    d.scorecard.length === 0 &&
    d.byCommune.length === 0 &&
    d.investmentByYear.length === 0
  );
}

/** Each operation of apps/api/schema.gql, by name. */
export const OPERATIONS: Record<string, OperationSpec> = {
  // ---- administration (admin-operations.ts) ----
  ...ADMIN_OPERATIONS,

  // ---- reference data and self-service ----
  me: {
    scopes: UNSCOPED,
    prepare: (ctx) => ({
      query: '{ me { email } }',
      variables: {},
      judge: (data) => (data['me'] as { email: string }).email === ctx.persona.email || 'someone else',
    }),
  },
  territories: {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: 'query ($code: String) { territories(parentCode: $code) { code } }',
      variables: { code: ctx.place.regionCode },
      judge: (data) => {
        const codes = (data['territories'] as { code: string }[]).map((t) => t.code);
        return codes.includes(ctx.place.provinceCode) || (codes.length > 0 && `only ${codes.join(', ')}`);
      },
    }),
  },
  territory: {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: 'query ($code: String!) { territory(code: $code) { code } }',
      variables: { code: ctx.place.provinceCode },
      judge: (data) => {
        const territory = data['territory'] as { code: string } | null;
        return territory === null ? false : territory.code === ctx.place.provinceCode || 'another one';
      },
    }),
  },
  /** The organisations competent in the place's region: ALLOWED shows its council, HIDDEN none at all. */
  organizations: {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: 'query ($code: String) { organizations(territoryCode: $code) { id name } }',
      variables: { code: ctx.place.regionCode },
      judge: (data) => {
        const organizations = data['organizations'] as { id: string; name: string }[];
        if (organizations.length === 0) return false;
        return (
          organizations.some((o) => o.name === ctx.place.council) ||
          `without its council: ${organizations.map((o) => o.name).join(', ')}`
        );
      },
    }),
  },
  updateMyLocale: {
    scopes: UNSCOPED,
    prepare: (ctx) => ({
      query: 'mutation ($locale: Locale!) { updateMyLocale(locale: $locale) { email locale } }',
      variables: { locale: 'en' },
      judge: async (data) => {
        const user = data['updateMyLocale'] as { email: string; locale: string };
        // Back to the demo account's language, for the cases after this one.
        await ctx.api.graphql(
          'mutation ($locale: Locale!) { updateMyLocale(locale: $locale) { locale } }',
          { locale: ctx.persona.locale },
          { token: ctx.token },
        );
        return (user.email === ctx.persona.email && user.locale === 'en') || JSON.stringify(user);
      },
    }),
  },

  // ---- sessions (public: login and refreshSession) ----
  login: {
    scopes: UNSCOPED,
    prepare: (ctx) => {
      const { email, password } = credentials(ctx);
      return {
        query: LOGIN,
        variables: { email, password },
        judge: (data) => {
          const session = data['login'] as Session;
          return (session.user.email === email && session.accessToken.length > 0) || 'another account';
        },
      };
    },
  },
  refreshSession: {
    scopes: UNSCOPED,
    prepare: async (ctx) => {
      const { email, password } = credentials(ctx);
      const session = await newSession(ctx.api, email, password);
      return {
        query: REFRESH,
        variables: { refreshToken: session.refreshToken },
        judge: (data) => {
          const next = data['refreshSession'] as Session;
          return (next.user.email === email && next.refreshToken !== session.refreshToken) || 'not rotated';
        },
      };
    },
  },
  /** Ends a sign-in of the case's own (the persona's token stays good for the other cases). */
  logout: {
    scopes: UNSCOPED,
    prepare: async (ctx) => {
      const session = ctx.persona.email ? await newSession(ctx.api, ctx.persona.email, DEMO_PASSWORD) : null;
      return {
        query: 'mutation { logout }',
        variables: {},
        token: session?.accessToken ?? null,
        judge: async (data) => {
          if (data['logout'] !== true || !session) return `logout answered ${JSON.stringify(data)}`;
          const refreshed = await ctx.api.graphql(REFRESH, { refreshToken: session.refreshToken });
          return (
            refreshed.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' || 'the session still refreshes'
          );
        },
      };
    },
  },

  // ---- projects ----
  project: single('project', (ctx) => reads(ctx).project),
  projects: list(
    'projects',
    'ProjectFilter',
    (ctx) => ({ search: reads(ctx).projectCode }),
    (ctx) => reads(ctx).project,
  ),
  createProject: create(
    'createProject',
    'CreateProjectInput',
    'code territory { code } leadOrganization { id }',
    (ctx) => ({
      code: unique('PM-NEW'),
      title: 'Pôle urbain de test',
      type: 'NEW_URBAN_POLE',
      communeCode: ctx.place.communeCode,
      leadOrganizationId: ctx.world.organizationId(ctx.place.subsidiary),
      budget: '25000000.00',
      startDate: moroccoDay(0),
      plannedEndDate: moroccoDay(900),
    }),
    (value, input) =>
      value['code'] === input['code'] &&
      (value['territory'] as { code: string }).code === input['communeCode'] &&
      (value['leadOrganization'] as { id: string }).id === input['leadOrganizationId'],
  ),
  updateProject: write(
    targets.project,
    'mutation ($id: ID!) { updateProject(id: $id, version: 1, input: { title: "Titre revu" }) { id title version } }',
    'updateProject',
    (value) => value['title'] === 'Titre revu' && value['version'] === 2,
    THEIRS,
  ),
  reportProjectProgress: write(
    targets.project,
    `mutation ($id: ID!) {
      reportProjectProgress(input: { projectId: $id, version: 1, physicalProgress: 55, note: "Gros œuvre achevé" }) {
        id physicalProgress project { version }
      }
    }`,
    'reportProjectProgress',
    (value) => value['physicalProgress'] === 55 && (value['project'] as { version: number }).version === 2,
    THEIRS,
  ),

  // ---- conventions and commitments ----
  convention: single('convention', (ctx) => reads(ctx).convention),
  conventions: list(
    'conventions',
    'ConventionFilter',
    (ctx) => ({ search: reads(ctx).conventionCode }),
    (ctx) => reads(ctx).convention,
  ),
  createConvention: create(
    'createConvention',
    'CreateConventionInput',
    'code region { code }',
    (ctx) => ({
      code: unique('PM-CONV'),
      title: 'Convention de partenariat de test',
      regionCode: ctx.place.regionCode,
      signedOn: moroccoDay(0),
      partyOrganizationIds: [ctx.world.organizationId(ctx.place.subsidiary)],
      projectIds: [reads(ctx).project],
    }),
    (value, input) =>
      value['code'] === input['code'] && (value['region'] as { code: string }).code === input['regionCode'],
  ),
  updateConvention: write(
    targets.convention,
    'mutation ($id: ID!) { updateConvention(id: $id, version: 1, input: { title: "Avenant n° 1" }) { id title version } }',
    'updateConvention',
    (value) => value['title'] === 'Avenant n° 1' && value['version'] === 2,
  ),
  commitment: single('commitment', (ctx) => reads(ctx).commitment),
  commitments: list(
    'commitments',
    'CommitmentFilter',
    (ctx) => ({ search: reads(ctx).commitmentTitle }),
    (ctx) => reads(ctx).commitment,
  ),
  createCommitment: create(
    'createCommitment',
    'CreateCommitmentInput',
    'title status territory { code }',
    (ctx) => ({
      title: unique('PM-NEW-C'),
      kind: 'FUNDING',
      organizationId: ctx.world.organizationId(ctx.place.subsidiary),
      amount: '5000000.00',
      dueDate: moroccoDay(90),
      projectId: reads(ctx).project,
    }),
    (value, input, ctx) =>
      value['title'] === input['title'] &&
      value['status'] === 'PLANNED' &&
      (value['territory'] as { code: string }).code === ctx.place.provinceCode,
  ),
  updateCommitment: write(
    targets.commitment('PLANNED'),
    'mutation ($id: ID!) { updateCommitment(input: { id: $id, version: 1, status: IN_PROGRESS }) { id status version } }',
    'updateCommitment',
    (value) => value['status'] === 'IN_PROGRESS' && value['version'] === 2,
    THEIRS,
  ),
  declareCommitmentFulfilment: write(
    targets.commitment('PLANNED'),
    `mutation ($id: ID!) {
      declareCommitmentFulfilment(input: { commitmentId: $id, version: 1, complete: true, note: "Ordre de virement n° 42" }) {
        id status version
      }
    }`,
    'declareCommitmentFulfilment',
    (value) => value['status'] === 'DECLARED' && value['version'] === 2,
    THEIRS,
  ),
  verifyCommitmentFulfilment: write(
    targets.commitment('DECLARED'),
    'mutation ($id: ID!) { verifyCommitmentFulfilment(input: { commitmentId: $id, version: 1, accepted: true }) { id status } }',
    'verifyCommitmentFulfilment',
    (value) => value['status'] === 'FULFILLED',
  ),
  partnerScorecard: {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: 'query ($code: String) { partnerScorecard(territoryCode: $code) { organization { id } } }',
      variables: { code: ctx.place.regionCode },
      judge: (data) => {
        const rows = data['partnerScorecard'] as { organization: { id: string } }[];
        if (rows.length === 0) return false;
        return (
          rows.some((row) => row.organization.id === reads(ctx).committingOrganization) ||
          `without the fixture's committing organisation (${rows.length} rows)`
        );
      },
    }),
  },

  // ---- actions and forums ----
  action: single('action', (ctx) => reads(ctx).action),
  actions: list(
    'actions',
    'ActionFilter',
    (ctx) => ({ search: reads(ctx).actionTitle }),
    (ctx) => reads(ctx).action,
  ),
  createAction: create(
    'createAction',
    'CreateActionInput',
    'title status territory { code }',
    (ctx) => ({
      title: unique('PM-NEW-A'),
      responsibleOrganizationId: ctx.world.organizationId(ctx.place.subsidiary),
      territoryCode: ctx.place.communeCode,
      dueDate: moroccoDay(45),
      priority: 'HIGH',
    }),
    (value, input) =>
      value['title'] === input['title'] &&
      value['status'] === 'OPEN' &&
      (value['territory'] as { code: string }).code === input['territoryCode'],
  ),
  updateAction: write(
    targets.action,
    'mutation ($id: ID!) { updateAction(input: { id: $id, version: 1, priority: CRITICAL }) { id priority version } }',
    'updateAction',
    (value) => value['priority'] === 'CRITICAL' && value['version'] === 2,
  ),
  updateActionStatus: write(
    targets.action,
    `mutation ($id: ID!) {
      updateActionStatus(input: { id: $id, version: 1, status: IN_PROGRESS, note: "Démarrage" }) { id status version }
    }`,
    'updateActionStatus',
    (value) => value['status'] === 'IN_PROGRESS' && value['version'] === 2,
    THEIRS,
  ),
  forum: single('forum', (ctx) => reads(ctx).forum),
  forums: list(
    'forums',
    'ForumFilter',
    (ctx) => ({ from: reads(ctx).forumHeldOn, to: reads(ctx).forumHeldOn }),
    (ctx) => reads(ctx).forum,
  ),
  createForum: create(
    'createForum',
    'CreateForumInput',
    'title region { code }',
    (ctx) => ({
      title: unique('PM-NEW-F'),
      theme: 'Les nouveaux pôles urbains',
      heldOn: moroccoDay(30),
      place: ctx.place.key === 'CS' ? 'Casablanca' : 'Marrakech',
      regionCode: ctx.place.regionCode,
    }),
    (value, input) =>
      value['title'] === input['title'] && (value['region'] as { code: string }).code === input['regionCode'],
  ),
  updateForum: write(
    targets.forum,
    'mutation ($id: ID!) { updateForum(id: $id, version: 1, input: { place: "Settat" }) { id place version } }',
    'updateForum',
    (value) => value['place'] === 'Settat' && value['version'] === 2,
  ),

  // ---- overview and history ----
  /** The picture of the place's region: ALLOWED counts the fixture's commune, HIDDEN shows zeros everywhere. */
  dashboard: {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: DASHBOARD,
      variables: { code: ctx.place.regionCode },
      judge: (data) => {
        const dashboard = data['dashboard'] as Dashboard;
        if (emptyDashboard(dashboard)) return false;
        const commune = dashboard.byCommune.find((c) => c.territory.code === ctx.place.communeCode);
        return (
          (dashboard.projectCount > 0 && (commune?.projectCount ?? 0) > 0) ||
          `neither empty nor showing the fixture: ${JSON.stringify(dashboard)}`
        );
      },
    }),
  },
  auditTrail: {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: `query ($id: ID!) {
        auditTrail(subjectType: PROJECT, subjectId: $id, first: 100) { totalCount edges { node { id } } }
      }`,
      variables: { id: reads(ctx).project },
      judge: (data) => {
        const trail = data['auditTrail'] as Connection;
        return (
          trail.edges.some((edge) => edge.node.id === reads(ctx).auditEvent) ||
          `a trail without the fixture's event (${trail.totalCount} events)`
        );
      },
    }),
  },

  // ---- discussion: on a subject (here a project), for whoever may read it ----
  comments: {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: `query ($id: ID!) {
        comments(subjectType: PROJECT, subjectId: $id, first: 100) { totalCount edges { node { id } } }
      }`,
      variables: { id: reads(ctx).project },
      judge: (data) => {
        const threads = data['comments'] as Connection;
        return (
          threads.edges.some((edge) => edge.node.id === reads(ctx).comment) ||
          `threads without the fixture's comment (${threads.totalCount} threads)`
        );
      },
    }),
  },
  addComment: create(
    'addComment',
    'AddCommentInput',
    'subjectId body author { id }',
    (ctx) => ({ subjectType: 'PROJECT', subjectId: reads(ctx).project, body: unique('PM-NEW-COMMENT') }),
    (value, input, ctx) =>
      value['subjectId'] === input['subjectId'] &&
      value['body'] === input['body'] &&
      (value['author'] as { id: string }).id === userIdOf(ctx),
  ),
  editComment: write(
    targets.comment,
    'mutation ($id: ID!) { editComment(id: $id, body: "Texte revu") { id body editedAt version } }',
    'editComment',
    (value) => value['body'] === 'Texte revu' && value['editedAt'] !== null && value['version'] === 2,
    THEIRS,
  ),
  deleteComment: write(
    targets.comment,
    'mutation ($id: ID!) { deleteComment(id: $id) { id body deleted } }',
    'deleteComment',
    (value) => value['deleted'] === true && value['body'] === '',
    THEIRS,
  ),
  follow: followChoice('follow'),
  unfollow: followChoice('unfollow'),
  followState: {
    scopes: SCOPED,
    prepare: (ctx) => ({
      query: FOLLOW_STATE,
      variables: { id: reads(ctx).project },
      judge: (data) => {
        const state = data['followState'] as { following: unknown; explicit: unknown };
        return (
          (typeof state.following === 'boolean' && typeof state.explicit === 'boolean') ||
          JSON.stringify(state)
        );
      },
    }),
  },

  /** Offers a national reader of every subject (the administrator; the ministry official to her). */
  mentionCandidates: {
    scopes: SCOPED,
    prepare: (ctx) => {
      const offered = ctx.persona.key === 'admin' ? 'ministere' : 'admin';
      const account = DEMO_ACCOUNTS.find((a) => a.email === `${offered}@demo.convergence.ma`);
      if (!account) throw new Error(`no demo account ${offered}`);
      return {
        query: `query ($id: ID!, $search: String!) {
          mentionCandidates(subjectType: PROJECT, subjectId: $id, search: $search, first: 20) { id }
        }`,
        variables: { id: reads(ctx).project, search: account.displayName },
        judge: (data) => {
          const people = data['mentionCandidates'] as { id: string }[];
          return (
            people.some((person) => person.id === ctx.world.userIdOf(account.email)) ||
            `without ${offered}: ${JSON.stringify(people)}`
          );
        },
      };
    },
  },

  // ---- notifications: the signed-in user's own ----
  /** Lists the persona's fresh notification, and not someone else's. */
  notifications: {
    scopes: UNSCOPED,
    prepare: async (ctx) => {
      const { own, others } = await ownAndOthersNotification(ctx);
      return {
        query: '{ notifications(first: 100) { totalCount edges { node { id } } } }',
        variables: {},
        judge: (data) => {
          const ids = (data['notifications'] as Connection).edges.map((edge) => edge.node.id);
          if (ids.includes(others)) return "someone else's notification is listed";
          return (own !== null && ids.includes(own)) || 'without the persona’s own notification';
        },
      };
    },
  },
  /** Counts the persona's unread notifications, not someone else's. */
  unreadNotificationCount: {
    scopes: UNSCOPED,
    prepare: async (ctx) => {
      await ownAndOthersNotification(ctx);
      return {
        query: '{ unreadNotificationCount }',
        variables: {},
        judge: async (data) => {
          const [{ count }] = (await ctx.dataSource.query(
            'SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL',
            [userIdOf(ctx)],
          )) as { count: number }[];
          const counted = data['unreadNotificationCount'];
          return (count > 0 && counted === count) || `counted ${counted}, the persona has ${count} unread`;
        },
      };
    },
  },
  /** Named: the persona's own notification and someone else's; only the persona's changes. */
  markNotificationsRead: {
    scopes: UNSCOPED,
    prepare: async (ctx) => {
      const { own, others } = await ownAndOthersNotification(ctx);
      return {
        query: 'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
        variables: { ids: own ? [own, others] : [others] },
        judge: async (data) => {
          if (await isRead(ctx, others)) return "someone else's notification was marked read";
          const changed = data['markNotificationsRead'];
          return (
            (changed === 1 && own !== null && (await isRead(ctx, own))) ||
            `${changed} changed, the persona's ${own && (await isRead(ctx, own)) ? 'read' : 'unread'}`
          );
        },
      };
    },
  },
  notificationPreferences: {
    scopes: UNSCOPED,
    prepare: async (ctx) => {
      await someoneElseChooses(ctx);
      return {
        query: `{ notificationPreferences { ${PREFERENCES} } }`,
        variables: {},
        judge: (data) =>
          ownPreferences(ctx, (data['notificationPreferences'] as { entries: Preference[] }).entries),
      };
    },
  },
  /** A choice of the persona's, then back to the default (forgotten) for the cases after this one. */
  updateNotificationPreferences: {
    scopes: UNSCOPED,
    prepare: async (ctx) => {
      await someoneElseChooses(ctx);
      const before = await storedChoices(ctx, someoneElse(ctx));
      const update = `mutation ($mode: DeliveryMode!) {
        updateNotificationPreferences(input: { entries: [{ type: FORUM_REMINDER, channel: EMAIL, mode: $mode }] }) {
          ${PREFERENCES}
        }
      }`;
      return {
        query: update,
        variables: { mode: 'WEEKLY' },
        judge: async (data) => {
          const { entries } = data['updateNotificationPreferences'] as { entries: Preference[] };
          const chosen = entries.find((e) => e.type === 'FORUM_REMINDER' && e.channel === 'EMAIL');
          const own = await ownPreferences(ctx, entries);
          const othersUnchanged =
            JSON.stringify(await storedChoices(ctx, someoneElse(ctx))) === JSON.stringify(before);
          await ctx.api.graphql(update, { mode: 'DAILY' }, { token: ctx.token });
          if (!othersUnchanged) return "someone else's choices changed";
          if (own !== true) return own;
          return (chosen?.mode === 'WEEKLY' && !chosen.isDefault) || `not chosen: ${JSON.stringify(chosen)}`;
        },
      };
    },
  },
  /**
   * Over graphql-ws, as the web app subscribes (see `overWebSocket`): ALLOWED is the subscription
   * accepted, nothing wrong within 300 ms; what it then delivers, and to whom, is
   * notifications-api.int-spec.ts's concern.
   */
  notificationAdded: {
    scopes: UNSCOPED,
    prepare: (ctx) => {
      const query = 'subscription { notificationAdded { id } }';
      return {
        query,
        variables: {},
        send: (token) => overWebSocket(ctx.api, query, token),
        judge: (data) => Object.keys(data).length === 0 || `a message arrived: ${JSON.stringify(data)}`,
      };
    },
  },
};
