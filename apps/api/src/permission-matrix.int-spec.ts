import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORG } from '@convergence/server/demo';
import { DataSource } from 'typeorm';
import { createUser } from './testing/factories';
import { observe, verdict, type CaseContext } from './testing/permission-matrix/observe';
import { OPERATIONS } from './testing/permission-matrix/operations';
import {
  FixturePlan,
  loadWorld,
  persona,
  PERSONAS,
  type Outcome,
  type PersonaKey,
  type Scope,
  type World,
} from './testing/permission-matrix/world';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * Who may do what, operation by operation: PRODUCT.md's table ("Who may do what") written out for
 * every query, mutation and subscription (over graphql-ws) of apps/api/schema.gql, every persona and
 * scope, and checked against the running api. The expectations are written by hand from the product
 * table, not derived from the CASL rules, so that the rules are checked against the product.
 *
 * One letter per scope, in this order: inside, outside, and for the rules that say "their org's",
 * inside but not theirs (see `Scope` in testing/permission-matrix/world.ts). Operations without a
 * scope (the signed-in user's own) have one letter.
 *   A  ALLOWED          the data, no error; for a write, the change is made
 *   H  HIDDEN           what a denied read looks like: null, absent from the list and its count,
 *                       zeros in the figures, NOT_FOUND; for a write on an object the persona may not
 *                       read, refused exactly as for an id that does not exist
 *   F  FORBIDDEN        a denied write
 *   U  UNAUTHENTICATED  no session
 *
 * Inside is the persona's home (Casablanca-Settat, its Préfecture de Casablanca; Marrakech-Safi for
 * elu.marrakech); outside is the other region. National organisations (admin, ministere) read "all":
 * both are inside their scope. Where PRODUCT.md says nothing, the sensible reading chosen is noted.
 */
type Row = readonly [
  anonymous: string,
  admin: string,
  ministere: string,
  elu: string,
  sao: string,
  prefecture: string,
  eluMarrakech: string,
  lydec: string,
];

// prettier-ignore
const EXPECTED: Record<string, Row> = {
  //                              anonymous  admin  ministere  elu    sao    prefecture  elu.marrakech  lydec
  // Reference data: every signed-in user reads every territory.
  territories:                   ['UU',      'AA',  'AA',      'AA',  'AA',  'AA',       'AA',          'AA'],
  territory:                     ['UU',      'AA',  'AA',      'AA',  'AA',  'AA',       'AA',          'AA'],
  // Not in PRODUCT.md: national organisations and those of one's own region (a national reader: all).
  organizations:                 ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  // The signed-in user's own; login and refreshSession are public.
  me:                            ['U',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
  updateMyLocale:                ['U',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
  login:                         ['A',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
  refreshSession:                ['A',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
  logout:                        ['U',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],

  // "read projects, commitments, actions, forums": all | own region | own region | own prefecture/province
  // | where their org is a partner | all.
  project:                       ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  projects:                      ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  commitment:                    ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  commitments:                   ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  action:                        ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  actions:                       ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  forum:                         ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  forums:                        ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  // Conventions are not in PRODUCT.md's read row: read as forums are (regional; a partner where it signed).
  convention:                    ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  conventions:                   ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  // Readable with the subject ("readable by those who can read the subject"); here a project.
  auditTrail:                    ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  // Figures over what the reader may read: of the other region, zeros and empty lists.
  dashboard:                     ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  partnerScorecard:              ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],

  // "create/update project, report progress": — except the subsidiary, for the projects it leads; admin all.
  createProject:                 ['UU',      'AA',  'FF',      'FF',  'AF',  'FF',       'FF',          'FF'],
  updateProject:                 ['UUU',     'AAA', 'FFF',     'FHF', 'AHF', 'FHF',      'FHF',         'FHF'],
  reportProjectProgress:         ['UUU',     'AAA', 'FFF',     'FHF', 'AHF', 'FHF',      'FHF',         'FHF'],

  // "create conventions, commitments, forums, actions": ministry all, admin all. Changing what a
  // convention, forum or action is belongs to those who create them.
  createConvention:              ['UU',      'AA',  'AA',      'FF',  'FF',  'FF',       'FF',          'FF'],
  updateConvention:              ['UU',      'AA',  'AA',      'FH',  'FH',  'FH',       'FH',          'FH'],
  createCommitment:              ['UU',      'AA',  'AA',      'FF',  'FF',  'FF',       'FF',          'FF'],
  createForum:                   ['UU',      'AA',  'AA',      'FF',  'FF',  'FF',       'FF',          'FF'],
  updateForum:                   ['UU',      'AA',  'AA',      'FH',  'FH',  'FH',       'FH',          'FH'],
  createAction:                  ['UU',      'AA',  'AA',      'FF',  'FF',  'FF',       'FF',          'FF'],
  updateAction:                  ['UU',      'AA',  'AA',      'FH',  'FH',  'FH',       'FH',          'FH'],

  // "update a commitment / record fulfilment": all | their org's (×4) | all. A partner contributor
  // reads no commitment but its organisation's, so another organisation's is hidden from it.
  updateCommitment:              ['UUU',     'AAA', 'AAA',     'AHF', 'AHF', 'AHF',      'AHF',         'AHH'],
  // API.md: declared "by the committing organisation, with evidence", verified "by the ministry":
  // the ministry records a fulfilment by verifying it, and declares only its own commitments.
  declareCommitmentFulfilment:   ['UUU',     'AAA', 'AFF',     'AHF', 'AHF', 'AHF',      'AHF',         'AHH'],
  verifyCommitmentFulfilment:    ['UU',      'AA',  'AA',      'FH',  'FH',  'FH',       'FH',          'FH'],

  // "update an action's status": all | their org's (×4) | all; a contributor's is not theirs.
  updateActionStatus:            ['UUU',     'AAA', 'AAA',     'AHF', 'AHF', 'AHF',      'AHF',         'AHF'],

  // "comment (and reply, mention)": anywhere readable (×5) | all. Reading the discussion, and
  // following a subject, go with reading the subject (API.md: NOT_FOUND otherwise); here a project.
  comments:                      ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  addComment:                    ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  follow:                        ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  unfollow:                      ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  followState:                   ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  // Who may be mentioned goes with commenting: offered on a subject one reads (NOT_FOUND otherwise).
  mentionCandidates:             ['UU',      'AA',  'AA',      'AH',  'AH',  'AH',       'AH',          'AH'],
  // "edit/delete a comment": own (×5) | all (moderation). Theirs on a subject they no longer read is
  // hidden like the subject; the ministry reads all, so its own comment outside is still its own.
  editComment:                   ['UUU',     'AAA', 'AAF',     'AHF', 'AHF', 'AHF',      'AHF',         'AHF'],
  deleteComment:                 ['UUU',     'AAA', 'AAF',     'AHF', 'AHF', 'AHF',      'AHF',         'AHF'],

  // "manage users/organisations": admin only. The list of accounts is refused outright (FORBIDDEN),
  // never an empty page; a write is refused the same whatever the id.
  users:                         ['U',       'A',   'F',       'F',   'F',   'F',        'F',           'F'],
  createUser:                    ['U',       'A',   'F',       'F',   'F',   'F',        'F',           'F'],
  updateUser:                    ['U',       'A',   'F',       'F',   'F',   'F',        'F',           'F'],
  deactivateUser:                ['U',       'A',   'F',       'F',   'F',   'F',        'F',           'F'],
  reactivateUser:                ['U',       'A',   'F',       'F',   'F',   'F',        'F',           'F'],
  createOrganization:            ['U',       'A',   'F',       'F',   'F',   'F',        'F',           'F'],
  updateOrganization:            ['U',       'A',   'F',       'F',   'F',   'F',        'F',           'F'],

  // Not in PRODUCT.md's table: one's own notifications and preferences, never anyone else's.
  notifications:                 ['U',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
  unreadNotificationCount:       ['U',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
  markNotificationsRead:         ['U',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
  notificationPreferences:       ['U',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
  updateNotificationPreferences: ['U',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
  // The subscription (over graphql-ws): one's own live notifications.
  notificationAdded:             ['U',       'A',   'A',       'A',   'A',   'A',        'A',           'A'],
};

/**
 * Cases where the api disagrees with the table above, reported to be fixed in the code: the case
 * asserts what the api does today (so that the suite stays green and a fix shows up as a failure
 * asking to remove the entry). Key: `operation | persona | scope`.
 */
const KNOWN_DEVIATIONS: Record<string, { observed: string; why: string }> = {};

const LETTERS: Record<string, Outcome> = {
  A: 'ALLOWED',
  H: 'HIDDEN',
  F: 'FORBIDDEN',
  U: 'UNAUTHENTICATED',
};

const SCHEMA_FILE = join(__dirname, '..', 'schema.gql');

interface Case {
  key: string;
  operation: string;
  persona: PersonaKey;
  scope: Scope | null;
  expected: Outcome;
}

function casesOf(operation: string): Case[] {
  const spec = OPERATIONS[operation];
  const row = EXPECTED[operation];
  if (!spec || !row) return [];
  const scopes = spec.scopes.length ? spec.scopes : [null];
  return PERSONAS.flatMap((key, column) =>
    scopes.map((scope, index) => ({
      key: `${operation} | ${key} | ${scope ?? 'any'}`,
      operation,
      persona: key,
      scope,
      expected: LETTERS[row[column][index]],
    })),
  );
}

const CASES = Object.keys(EXPECTED).flatMap(casesOf);

describe('permission matrix: every operation of schema.gql × persona × scope (PRODUCT.md, "Who may do what")', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let world: World;
  const tokens = new Map<PersonaKey, string>();
  const targets = new Map<string, string>();

  beforeAll(async () => {
    // Every operation runs on a pool of one, as on the embedded database of `npm start`.
    api = await startTestApi({ demo: true, poolSize: 1 });
    dataSource = api.app.get(DataSource);
    const visitor = await createUser(dataSource, { organizationName: ORG.lydec, emailPrefix: 'visitor' });
    const base = await loadWorld(dataSource, visitor);
    const plan = new FixturePlan(base);
    world = { ...base, reads: { CS: plan.reads(base.places.CS), MS: plan.reads(base.places.MS) } };
    for (const { key, operation, persona: personaKey, scope } of CASES) {
      const target = OPERATIONS[operation].target;
      if (target && scope) targets.set(key, target(plan, base, persona(personaKey), scope));
    }
    await plan.insert(dataSource);
    const signedIn = await Promise.all(
      PERSONAS.filter((key) => key !== 'anonymous').map(
        async (key) => [key, await api.signIn(`${key}@demo.convergence.ma`)] as const,
      ),
    );
    for (const [key, token] of signedIn) tokens.set(key, token);
  }, 60_000);
  afterAll(() => api?.close());

  it('has one line for each query, mutation and subscription of apps/api/schema.gql, and no other', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    const inSchema = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
      (type) => Object.keys(type?.getFields() ?? {}),
    );
    const inMatrix = Object.keys(EXPECTED);
    expect({
      'in schema.gql, missing from EXPECTED': inSchema.filter((name) => !inMatrix.includes(name)),
      'in EXPECTED, not in schema.gql': inMatrix.filter((name) => !inSchema.includes(name)),
      'in EXPECTED, with no runner in OPERATIONS': inMatrix.filter((name) => !OPERATIONS[name]),
      'in OPERATIONS, not in EXPECTED': Object.keys(OPERATIONS).filter((name) => !EXPECTED[name]),
      'named twice in schema.gql': inSchema.filter((name, index) => inSchema.indexOf(name) !== index),
    }).toEqual({
      'in schema.gql, missing from EXPECTED': [],
      'in EXPECTED, not in schema.gql': [],
      'in EXPECTED, with no runner in OPERATIONS': [],
      'in OPERATIONS, not in EXPECTED': [],
      'named twice in schema.gql': [],
    });
  });

  it('gives each persona one known letter per scope of the operation, and deviations name real cases', () => {
    const malformed = Object.entries(EXPECTED).flatMap(([operation, row]) => {
      const width = Math.max(OPERATIONS[operation]?.scopes.length ?? 0, 1);
      return row.flatMap((cell, column) =>
        cell.length === width && [...cell].every((letter) => letter in LETTERS)
          ? []
          : [`${operation}, ${PERSONAS[column]}: "${cell}" (${width} letters of ${Object.keys(LETTERS)})`],
      );
    });
    expect(malformed).toEqual([]);
    const keys = new Set(CASES.map((c) => c.key));
    expect(Object.keys(KNOWN_DEVIATIONS).filter((key) => !keys.has(key))).toEqual([]);
  });

  describe.each(Object.keys(EXPECTED))('%s', (operation) => {
    const cases = casesOf(operation).map((c) => {
      const deviation = KNOWN_DEVIATIONS[c.key];
      const where = c.scope ? `${c.persona}, ${c.scope}` : c.persona;
      const title = deviation
        ? `${where}: ${c.expected} per PRODUCT.md, KNOWN DEVIATION: ${deviation.observed} (${deviation.why})`
        : `${where}: ${c.expected}`;
      return [title, c] as const;
    });
    it.each(cases)('%s', async (_title, c) => {
      const who = persona(c.persona);
      const ctx: CaseContext = {
        api,
        dataSource,
        world,
        persona: who,
        token: tokens.get(c.persona),
        scope: c.scope,
        place: world.placeOf(who, c.scope),
        target: targets.get(c.key) ?? '',
      };
      const observed = await observe(ctx, await OPERATIONS[c.operation].prepare(ctx));
      const deviation = KNOWN_DEVIATIONS[c.key];
      if (deviation) {
        // Fixed in the code? Then remove the entry: the table's expectation applies again.
        expect(verdict(c.expected, observed)).not.toBe(c.expected);
        expect(observed).toBe(deviation.observed);
      } else {
        expect(verdict(c.expected, observed)).toBe(c.expected);
      }
    });
  });
});
