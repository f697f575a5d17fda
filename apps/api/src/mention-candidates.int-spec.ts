import { MAX_READ_CHECKS } from '@convergence/server/discussion';
import { OrganizationEntity } from '@convergence/server/organizations';
import { UserEntity } from '@convergence/server/users';
import { DataSource } from 'typeorm';
import {
  createDiscussionFixtures,
  emailOf,
  PERSONAS,
  type DiscussionFixtures,
  type Persona,
} from './testing/discussion-fixtures';
import { createUser } from './testing/factories';
import { SAO_CASABLANCA, SAO_MARRAKECH } from './testing/project-fixtures';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface Person {
  id: string;
  displayName: string;
}

const CANDIDATES = `query ($type: SubjectType!, $id: ID!, $search: String!, $first: Int) {
  mentionCandidates(subjectType: $type, subjectId: $id, search: $search, first: $first) { id displayName }
}`;
const ADD = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id mentions { id } } }`;

/**
 * The @mention autocomplete offers exactly the people a comment on the subject may mention (the rule
 * addComment checks mentions with): active users who may read the subject, found by their name in
 * any case and with or without accents; nobody out of the subject's reach, and nothing at all to
 * someone who may not read the subject.
 */
describe('mentionCandidates', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let fx: DiscussionFixtures;
  const tokens = {} as Record<Persona, string>;
  /** Users of their own with names the tests search for. */
  let sedik: string;
  let marrakechSedik: string;
  let inactiveSedik: string;
  let idrissi: string;
  let bareAlef: string;
  let serif: string;
  let decomposed: string;

  const named = async (organizationName: string, displayName: string, active = true) => {
    const user = await createUser(dataSource, { organizationName, role: 'SUBSIDIARY_MANAGER' });
    await dataSource.getRepository(UserEntity).update({ id: user.id }, { displayName, active });
    return user.id;
  };

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    fx = await createDiscussionFixtures(dataSource);
    for (const persona of PERSONAS) tokens[persona] = await api.signIn(emailOf(persona));
    sedik = await named(SAO_CASABLANCA, 'Ilyas Sédik-Benjelloun');
    marrakechSedik = await named(SAO_MARRAKECH, 'Omar Sédik');
    inactiveSedik = await named(SAO_CASABLANCA, 'Rachid Sedik', false);
    idrissi = await named(SAO_CASABLANCA, 'أحمد الإدريسي');
    bareAlef = await named(SAO_CASABLANCA, 'احمد بناني');
    serif = await named(SAO_CASABLANCA, 'Şerif Ḥaddaoui');
    // Stored decomposed: "e" followed by a combining acute accent.
    decomposed = await named(SAO_CASABLANCA, 'Nadia Be\u0301ji');
  });
  afterAll(() => api.close());

  const ask = (
    persona: Persona,
    search: string,
    options: { subjectId?: string; type?: string; first?: number | null } = {},
  ): Promise<GraphqlResponse<{ mentionCandidates: Person[] }>> =>
    api.graphql(
      CANDIDATES,
      {
        type: options.type ?? 'PROJECT',
        id: options.subjectId ?? fx.casablancaProjectId,
        search,
        ...(options.first !== undefined ? { first: options.first } : {}),
      },
      { token: tokens[persona], locale: 'en' },
    );
  const offered = async (persona: Persona, search: string, options: Parameters<typeof ask>[2] = {}) => {
    const response = await ask(persona, search, options);
    if (!response.data) throw new Error(`mentionCandidates failed: ${JSON.stringify(response.errors)}`);
    return response.data.mentionCandidates;
  };
  const ids = (people: Person[]) => people.map((person) => person.id);
  const codeOf = (response: GraphqlResponse<unknown>) => response.errors?.[0]?.extensions?.code;
  const fieldsOf = (response: GraphqlResponse<unknown>) => response.errors?.[0]?.extensions?.fields ?? [];

  it('offers the SAO manager to the elected official on a Casablanca subject, by any part of the name', async () => {
    for (const search of ['you', 'Bennani', 'ssef ben', 'YOUSSEF']) {
      expect(await offered('elu', search)).toEqual([{ id: fx.userIds.sao, displayName: 'Youssef Bennani' }]);
    }
  });

  it('ignores accents and case on both sides', async () => {
    expect(ids(await offered('elu', 'sedik'))).toEqual([sedik]);
    expect(ids(await offered('elu', 'SÉDIK'))).toEqual([sedik]);
    expect(ids(await offered('elu', 'sédik-benjelloun'))).toEqual([sedik]);
  });

  it('folds Arabic names the same on both sides: alef with or without hamza or madda, vowel marks ignored', async () => {
    // Hamza forms of alef (أ إ آ) compare as a bare alef, whichever side carries them.
    for (const search of ['أحمد', 'احمد', 'إحمد', 'أَحْمَد']) {
      expect(ids(await offered('elu', search))).toEqual([idrissi, bareAlef]);
    }
    for (const search of ['الإدريسي', 'الادريسي', 'إدريسي']) {
      expect(ids(await offered('elu', search))).toEqual([idrissi]);
    }
    expect(ids(await offered('elu', 'أحمد بناني'))).toEqual([bareAlef]);
    expect(await offered('elu', 'محمد')).toEqual([]);
  });

  it('folds transliterated Latin letters (Ş, Ḥ) and decomposed accents, in any case', async () => {
    for (const search of ['serif', 'ŞERIF', 'şerif', 'haddaoui', 'ḤADDAOUI', 'Ḥaddaoui', 'serif h']) {
      expect(ids(await offered('elu', search))).toEqual([serif]);
    }
    for (const search of ['beji', 'BÉJI', 'béji', 'Be\u0301ji']) {
      expect(ids(await offered('elu', search))).toEqual([decomposed]);
    }
  });

  it('finds nobody for a search of marks only (it folds to nothing)', async () => {
    expect(await offered('elu', '\u064e')).toEqual([]);
    expect(await offered('elu', 'ـ')).toEqual([]);
  });

  it('never offers a Marrakech-Safi user on a Casablanca subject, nor a deactivated one', async () => {
    expect(await offered('elu', 'Hassan')).toEqual([]);
    expect(await offered('elu', 'Ouazzani')).toEqual([]);
    const everyone = ids(await offered('elu', 'a', { first: 20 }));
    expect(everyone).not.toContain(fx.userIds['elu.marrakech']);
    expect(everyone).not.toContain(marrakechSedik);
    expect(ids(await offered('elu', 'sedik', { first: 20 }))).not.toContain(inactiveSedik);
  });

  it('offers the Marrakech-Safi user on a subject of Marrakech-Safi, to whoever reads it', async () => {
    expect(ids(await offered('ministere', 'sedik', { subjectId: fx.marrakechProjectId }))).toEqual([
      marrakechSedik,
    ]);
    expect(ids(await offered('elu.marrakech', 'sedik', { subjectId: fx.marrakechProjectId }))).toEqual([
      marrakechSedik,
    ]);
  });

  it('leaves out the one who asks: a comment never notifies its author', async () => {
    expect(await offered('sao', 'Youssef')).toEqual([]);
    expect(ids(await offered('elu', 'Youssef'))).toEqual([fx.userIds.sao]);
  });

  it('offers only people a comment may mention: every one of them is accepted by addComment', async () => {
    const people = ids(await offered('elu', 'a', { first: 20 }));
    expect(people.length).toBeGreaterThan(3);
    const response = await api.graphql<{ addComment: { id: string; mentions: { id: string }[] } }>(
      ADD,
      {
        input: {
          subjectType: 'PROJECT',
          subjectId: fx.casablancaProjectId,
          body: 'Merci à tous pour le point de situation.',
          mentions: people,
        },
      },
      { token: tokens.elu, locale: 'en' },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.addComment.mentions.map((person) => person.id).sort()).toEqual([...people].sort());
  });

  it('puts names that start with the search first, then sorts by name, and stops at `first`', async () => {
    const starting = await named(SAO_CASABLANCA, 'Benjamin Zaki');
    const inside = await named(SAO_CASABLANCA, 'Adil Elbenjaouad');
    const found = ids(await offered('elu', 'benj'));
    expect(found.indexOf(starting)).toBeLessThan(found.indexOf(inside));
    // "Sédik-Benjelloun": "Benj" starts a word of it, after a hyphen, so it is not a word start here.
    expect(found).toEqual([starting, inside, sedik]);
    expect(await offered('elu', 'benj', { first: 1 })).toEqual([
      { id: starting, displayName: 'Benjamin Zaki' },
    ]);
    expect(ids(await offered('elu', 'a'))).toHaveLength(8);
  });

  it('treats LIKE wildcards as plain characters', async () => {
    expect(await offered('elu', '%')).toEqual([]);
    expect(await offered('elu', '_')).toEqual([]);
  });

  it(`checks at most ${MAX_READ_CHECKS} reader profiles per call: bounded SQL, a shorter but correct answer`, async () => {
    // Users named alike in organisations of their own out of the subject's reach: one profile each.
    const marrakech = await dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ name: SAO_MARRAKECH });
    const outsiders = async (from: number, count: number) => {
      for (let index = from; index < from + count; index += 1) {
        const { identifiers } = await dataSource.getRepository(OrganizationEntity).insert({
          name: `Partenaire de test ${index}`,
          kind: marrakech.kind,
          territoryCode: marrakech.territoryCode,
          regionCode: marrakech.regionCode,
          provinceCode: marrakech.provinceCode,
        });
        await dataSource.getRepository(UserEntity).insert({
          email: `borne.${process.pid}.${index}@factory.convergence.test`,
          passwordHash: 'not-a-password',
          displayName: `Zineb Borné ${String(index).padStart(2, '0')}`,
          role: 'PARTNER_CONTRIBUTOR',
          locale: 'fr',
          organizationId: identifiers[0]['id'] as string,
        });
      }
    };
    const first = await named(SAO_CASABLANCA, 'Zineb Borné 00');
    await outsiders(1, 40);
    const last = await named(SAO_CASABLANCA, 'Zineb Borné 99');
    const statements = async (search: string) =>
      (await statementsDuring(() => offered('elu', search, { first: 20 }))).length;

    // Past the budget the search stops where it is: the reader before the outsiders is offered, the
    // one after them is not (yet), and the answer is the same every time.
    expect(ids(await offered('elu', 'borne', { first: 20 }))).toEqual([first]);
    expect(ids(await offered('elu', 'borne', { first: 20 }))).toEqual([first]);
    // More letters reach them.
    expect(ids(await offered('elu', 'borne 99'))).toEqual([last]);

    const bounded = await statements('borne');
    // The session, the writer's own read check, one page of users, then the profile checks.
    expect(bounded).toBeLessThanOrEqual(MAX_READ_CHECKS + 6);
    await outsiders(41, 30);
    expect(await statements('borne')).toBe(bounded);
    // Enough readers found first: no more checks than needed.
    expect(await statements('Youssef')).toBeLessThanOrEqual(6);
  });

  it('answers NOT_FOUND, with nobody, when the asker may not read the subject or it does not exist', async () => {
    const outOfScope = await ask('elu', 'Hassan', { subjectId: fx.marrakechProjectId });
    expect(codeOf(outOfScope)).toBe('NOT_FOUND');
    expect(outOfScope.data?.mentionCandidates ?? null).toBeNull();
    const missing = await ask('elu', 'You', { subjectId: '00000000-0000-4000-8000-000000000000' });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(missing.errors?.[0]?.message).toBe(outOfScope.errors?.[0]?.message);
  });

  it('refuses a blank or too long search, and a page size outside 1–20, naming the argument', async () => {
    for (const search of ['', '   ', 'x'.repeat(61)]) {
      const response = await ask('elu', search);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual([expect.objectContaining({ field: 'search' })]);
    }
    for (const first of [0, 21]) {
      const response = await ask('elu', 'You', { first });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual([expect.objectContaining({ field: 'first' })]);
    }
    expect(ids(await offered('elu', 'Youssef', { first: null }))).toEqual([fx.userIds.sao]);
  });

  it('asks to sign in first', async () => {
    const response = await api.graphql(CANDIDATES, {
      type: 'PROJECT',
      id: fx.casablancaProjectId,
      search: 'You',
    });
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });
});
