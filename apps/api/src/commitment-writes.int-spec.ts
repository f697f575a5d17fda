import type { CommitmentEntity } from '@convergence/server/commitments';
import { todayInMorocco } from '@convergence/server/core';
import type { ProjectEntity } from '@convergence/server/projects';
import { DataSource } from 'typeorm';
import { CommitmentFixtures, moroccoDay, uniqueName } from './testing/commitment-fixtures';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

const FIELDS = `id title status late dueDate originalDueDate amount quantity quantityUnit
  fulfilledAmount fulfilledQuantity fulfilledOn statusReasonCode statusNote version
  organization { name } project { id } territory { code }
  fulfilments { amount quantity complete note accepted verificationNote declaredBy { displayName } verifiedBy { displayName } }
  dueDateChanges { previousDueDate newDueDate reasonCode note changedBy { displayName } }`;

interface Commitment {
  id: string;
  title: string;
  status: string;
  dueDate: string;
  originalDueDate: string;
  amount: string | null;
  fulfilledAmount: string;
  fulfilledOn: string | null;
  statusReasonCode: string | null;
  statusNote: string | null;
  version: number;
  organization: { name: string };
  project: { id: string } | null;
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
  dueDateChanges: {
    previousDueDate: string;
    newDueDate: string;
    reasonCode: string;
    note: string;
    changedBy: { displayName: string } | null;
  }[];
}

const CREATE = `mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { ${FIELDS} } }`;
const DECLARE = `mutation ($input: DeclareFulfilmentInput!) { declareCommitmentFulfilment(input: $input) { ${FIELDS} } }`;
const VERIFY = `mutation ($input: VerifyFulfilmentInput!) { verifyCommitmentFulfilment(input: $input) { ${FIELDS} } }`;

type Persona = 'admin' | 'ministere' | 'elu' | 'sao' | 'prefecture' | 'elu.marrakech';

describe('commitments (write side: create, update, two-step fulfilment, no lost update)', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let fixtures: CommitmentFixtures;
  const tokens = {} as Record<Persona, string>;
  let casablanca: ProjectEntity;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    fixtures = new CommitmentFixtures(dataSource);
    for (const persona of ['admin', 'ministere', 'elu', 'sao', 'prefecture', 'elu.marrakech'] as const) {
      tokens[persona] = await api.signIn(`${persona}@demo.convergence.ma`);
    }
    casablanca = await fixtures.project('06.141', 'saoCS');
  });
  afterAll(() => api.close());

  const as = <T = Record<string, Commitment>>(
    persona: Persona,
    query: string,
    input: Record<string, unknown>,
  ) => api.graphql<T>(query, { input }, { token: tokens[persona] });
  const codeOf = (response: GraphqlResponse) => response.errors?.[0].extensions?.code;
  const fieldsOf = (response: GraphqlResponse) => response.errors?.[0].extensions?.fields;

  /** An open commitment of SAO Casablanca-Settat on the Casablanca project, 1,000,000 MAD due in 30 days. */
  const saoCommitment = (overrides: Partial<Parameters<CommitmentFixtures['commitment']>[0]> = {}) =>
    fixtures.commitment({
      title: uniqueName('Engagement SAO'),
      organization: 'saoCS',
      project: casablanca,
      dueDate: moroccoDay(30),
      ...overrides,
    });

  async function auditOperations(id: string): Promise<string[]> {
    const events: { operation: string }[] = await dataSource.query(
      'SELECT operation FROM audit_event WHERE subject_type = $1 AND subject_id = $2 ORDER BY at',
      ['COMMITMENT', id],
    );
    return events.map((event) => event.operation);
  }

  describe('createCommitment', () => {
    const valid = async () => ({
      title: uniqueName('Financement du relogement'),
      kind: 'FUNDING',
      organizationId: await fixtures.organizationId('regionCS'),
      amount: '2500000.50',
      dueDate: moroccoDay(0),
      projectId: casablanca.id,
    });

    it('creates a PLANNED commitment whose scope follows its project, with its audit event', async () => {
      const input = await valid();
      const response = await as('ministere', CREATE, input);
      expect(response.errors).toBeUndefined();
      const created = response.data?.['createCommitment'];
      expect(created).toMatchObject({
        title: input.title,
        status: 'PLANNED',
        amount: '2500000.50',
        fulfilledAmount: '0.00',
        dueDate: input.dueDate,
        originalDueDate: input.dueDate,
        version: 1,
        organization: { name: 'Conseil de la Région Casablanca-Settat' },
        project: { id: casablanca.id },
        territory: { code: '06.141' },
        fulfilments: [],
        dueDateChanges: [],
      });
      const [row]: { region_code: string; province_code: string }[] = await dataSource.query(
        'SELECT region_code, province_code FROM commitment WHERE id = $1',
        [created?.id],
      );
      expect(row).toEqual({ region_code: '06', province_code: '06.141' });
      expect(await auditOperations(created?.id ?? '')).toEqual(['createCommitment']);
    });

    it('takes a quantity with its unit, and the region of its convention when it has no project', async () => {
      const convention = await fixtures.convention({ regionCode: '06', parties: ['saoCS'] });
      const response = await as('admin', CREATE, {
        ...(await valid()),
        projectId: null,
        conventionId: convention.id,
        amount: null,
        quantity: '12.5',
        quantityUnit: 'ha',
        kind: 'LAND',
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.['createCommitment'].territory).toEqual({ code: '06' });
    });

    it.each<Persona>(['elu', 'sao', 'prefecture'])(
      'is FORBIDDEN to %s, and writes nothing',
      async (persona) => {
        const input = await valid();
        expect(codeOf(await as(persona, CREATE, input))).toBe('FORBIDDEN');
        expect(await dataSource.query('SELECT id FROM commitment WHERE title = $1', [input.title])).toEqual(
          [],
        );
      },
    );

    it('refuses bad input with one message per field, and writes nothing', async () => {
      const input = {
        ...(await valid()),
        title: 'x'.repeat(201),
        amount: '-5',
        dueDate: moroccoDay(-1),
        organizationId: '00000000-0000-4000-8000-000000000000',
      };
      const shape = await as('ministere', CREATE, input);
      expect(codeOf(shape)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(shape)).toEqual(
        expect.arrayContaining([
          { field: 'title', message: '200 caractères au maximum.' },
          { field: 'amount', message: expect.stringContaining('Montant invalide') },
        ]),
      );

      const rules = await as('ministere', CREATE, { ...input, title: uniqueName('ok'), amount: null });
      expect(codeOf(rules)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(rules)).toEqual([
        { field: 'amount', message: 'Indiquez un montant ou une quantité.' },
        { field: 'dueDate', message: 'La date ne peut pas être passée.' },
        { field: 'organizationId', message: 'Organisation introuvable.' },
      ]);

      const references = await as('ministere', CREATE, {
        ...(await valid()),
        projectId: '00000000-0000-4000-8000-000000000001',
        conventionId: '00000000-0000-4000-8000-000000000002',
        forumId: '00000000-0000-4000-8000-000000000003',
        quantity: '3',
      });
      expect(fieldsOf(references)).toEqual([
        { field: 'quantityUnit', message: 'Ce champ est obligatoire.' },
        { field: 'projectId', message: 'Projet introuvable.' },
        { field: 'conventionId', message: 'Convention introuvable.' },
        { field: 'forumId', message: 'Forum introuvable.' },
      ]);
      const [{ count }]: { count: number }[] = await dataSource.query(
        "SELECT count(*)::int AS count FROM commitment WHERE title LIKE 'ok-%' OR title LIKE 'xxxx%'",
      );
      expect(count).toBe(0);
    });
  });

  describe('updateCommitment', () => {
    it('moves the due date only with a reason, and keeps every slip in the history', async () => {
      const commitment = await saoCommitment();
      const noReason = await as('ministere', UPDATE, {
        id: commitment.id,
        version: 1,
        dueDate: moroccoDay(60),
      });
      expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(noReason)).toEqual([{ field: 'reasonCode', message: 'Indiquez un motif.' }]);

      const first = await as('ministere', UPDATE, {
        id: commitment.id,
        version: 1,
        dueDate: moroccoDay(60),
        reasonCode: 'FUNDING_DELAY',
        note: 'Budget voté en retard',
      });
      expect(first.errors).toBeUndefined();
      const second = await as('admin', UPDATE, {
        id: commitment.id,
        version: 2,
        dueDate: moroccoDay(90),
        reasonCode: 'LAND_NOT_AVAILABLE',
      });
      expect(second.errors).toBeUndefined();
      expect(second.data?.['updateCommitment']).toMatchObject({
        dueDate: moroccoDay(90),
        originalDueDate: moroccoDay(30),
        version: 3,
        dueDateChanges: [
          {
            previousDueDate: moroccoDay(30),
            newDueDate: moroccoDay(60),
            reasonCode: 'FUNDING_DELAY',
            note: 'Budget voté en retard',
            changedBy: { displayName: 'Karim El Idrissi' },
          },
          {
            previousDueDate: moroccoDay(60),
            newDueDate: moroccoDay(90),
            reasonCode: 'LAND_NOT_AVAILABLE',
            note: '',
            changedBy: { displayName: 'Salma Berrada' },
          },
        ],
      });
      expect(await auditOperations(commitment.id)).toEqual(['updateCommitment', 'updateCommitment']);
    });

    it('the partner starts it; the ministry cancels only with a reason; a cancelled one no longer changes', async () => {
      const commitment = await saoCommitment();
      const started = await as('sao', UPDATE, { id: commitment.id, version: 1, status: 'IN_PROGRESS' });
      expect(started.errors).toBeUndefined();
      expect(started.data?.['updateCommitment']).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
      expect(await auditOperations(commitment.id)).toEqual(['updateCommitment']);
      const backwards = await as('ministere', UPDATE, { id: commitment.id, version: 2, status: 'FULFILLED' });
      expect(fieldsOf(backwards)).toEqual([
        {
          field: 'status',
          message: 'Passage de IN_PROGRESS à FULFILLED impossible ; possibles : CANCELLED.',
        },
      ]);
      const noReason = await as('ministere', UPDATE, { id: commitment.id, version: 2, status: 'CANCELLED' });
      expect(fieldsOf(noReason)).toEqual([{ field: 'reasonCode', message: 'Indiquez un motif.' }]);
      const cancelled = await as('ministere', UPDATE, {
        id: commitment.id,
        version: 2,
        status: 'CANCELLED',
        reasonCode: 'PARTNER_REQUEST',
        note: 'Repris par la commune',
      });
      expect(cancelled.data?.['updateCommitment']).toMatchObject({
        status: 'CANCELLED',
        statusReasonCode: 'PARTNER_REQUEST',
        statusNote: 'Repris par la commune',
      });
      const closed = await as('admin', UPDATE, { id: commitment.id, version: 3, title: 'Autre titre' });
      expect(fieldsOf(closed)).toEqual([{ field: 'id', message: 'Cet engagement est clos (CANCELLED).' }]);
    });

    it('edits figures but keeps an amount or a quantity, and refuses text over its limit', async () => {
      const commitment = await saoCommitment();
      const none = await as('ministere', UPDATE, { id: commitment.id, version: 1, amount: null });
      expect(fieldsOf(none)).toEqual([{ field: 'amount', message: 'Indiquez un montant ou une quantité.' }]);
      const nullTitle = await as('ministere', UPDATE, {
        id: commitment.id,
        version: 1,
        title: null,
        dueDate: null,
      });
      expect(fieldsOf(nullTitle)).toEqual([
        { field: 'title', message: 'Ce champ est obligatoire.' },
        { field: 'dueDate', message: 'Date attendue au format AAAA-MM-JJ.' },
      ]);
      const long = await as('ministere', UPDATE, { id: commitment.id, version: 1, note: 'n'.repeat(2001) });
      expect(fieldsOf(long)).toEqual([{ field: 'note', message: '2000 caractères au maximum.' }]);
      const edited = await as('ministere', UPDATE, {
        id: commitment.id,
        version: 1,
        amount: '1200000',
        title: 'Nouveau',
      });
      expect(edited.data?.['updateCommitment']).toMatchObject({
        amount: '1200000.00',
        title: 'Nouveau',
        version: 2,
      });
    });

    it('is FORBIDDEN to the committing organisation for its terms: amount, due date, title, cancelling', async () => {
      const commitment = await saoCommitment();
      const id = commitment.id;
      for (const change of [
        { amount: '1' },
        { dueDate: moroccoDay(60), reasonCode: 'FUNDING_DELAY' },
        { title: 'Revu à la baisse' },
        { status: 'CANCELLED', reasonCode: 'PARTNER_REQUEST' },
        // Starting is its own, but not with anything else.
        { status: 'IN_PROGRESS', amount: '1' },
      ]) {
        expect([change, codeOf(await as('sao', UPDATE, { id, version: 1, ...change }))]).toEqual([
          change,
          'FORBIDDEN',
        ]);
      }
      const [row]: { amount: string; status: string; version: number }[] = await dataSource.query(
        'SELECT amount, status, version FROM commitment WHERE id = $1',
        [id],
      );
      expect(row).toEqual({ amount: '1000000.00', status: 'PLANNED', version: 1 });
      expect(await auditOperations(id)).toEqual([]);
    });

    it('is FORBIDDEN to another organisation that may read it (even to start it), NOT_FOUND to one that may not', async () => {
      const commitment = await saoCommitment();
      for (const input of [
        { id: commitment.id, version: 1, title: 'Pris en main' },
        { id: commitment.id, version: 1, status: 'IN_PROGRESS' },
      ]) {
        expect(codeOf(await as('elu', UPDATE, input))).toBe('FORBIDDEN');
        expect(codeOf(await as('elu.marrakech', UPDATE, input))).toBe('NOT_FOUND');
      }
      const [row]: { title: string; version: number }[] = await dataSource.query(
        'SELECT title, version FROM commitment WHERE id = $1',
        [commitment.id],
      );
      expect(row).toEqual({ title: commitment.title, version: 1 });
    });

    it('refuses any change while a declaration awaits verification', async () => {
      const commitment = await saoCommitment({ status: 'IN_PROGRESS' });
      const declared = await as('sao', DECLARE, {
        commitmentId: commitment.id,
        version: 1,
        note: 'PV de réception',
        complete: true,
      });
      expect(declared.errors).toBeUndefined();
      const edit = await as('ministere', UPDATE, { id: commitment.id, version: 2, amount: '1' });
      expect(codeOf(edit)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(edit)).toEqual([
        { field: 'id', message: 'Une réalisation déclarée attend déjà sa vérification.' },
      ]);
      const cancel = await as('admin', UPDATE, {
        id: commitment.id,
        version: 2,
        status: 'CANCELLED',
        reasonCode: 'PARTNER_REQUEST',
      });
      expect(fieldsOf(cancel)).toEqual([
        { field: 'id', message: 'Une réalisation déclarée attend déjà sa vérification.' },
      ]);
      const [row]: { amount: string; status: string; version: number }[] = await dataSource.query(
        'SELECT amount, status, version FROM commitment WHERE id = $1',
        [commitment.id],
      );
      expect(row).toEqual({ amount: '1000000.00', status: 'DECLARED', version: 2 });
    });

    it('is CONFLICT with a stale version', async () => {
      const commitment = await saoCommitment();
      expect(
        (await as('admin', UPDATE, { id: commitment.id, version: 1, title: 'Premier' })).errors,
      ).toBeUndefined();
      expect(codeOf(await as('ministere', UPDATE, { id: commitment.id, version: 1, title: 'Second' }))).toBe(
        'CONFLICT',
      );
    });
  });

  describe('two-step fulfilment', () => {
    const declare = (persona: Persona, commitment: CommitmentEntity, input: Record<string, unknown>) =>
      as(persona, DECLARE, { commitmentId: commitment.id, version: 1, note: 'PV de réception', ...input });

    it('the partner declares a part, the elected official may not verify, the ministry accepts it: PARTIALLY_FULFILLED', async () => {
      const commitment = await saoCommitment();
      const declared = await declare('sao', commitment, { amount: '400000', complete: false });
      expect(declared.errors).toBeUndefined();
      expect(declared.data?.['declareCommitmentFulfilment']).toMatchObject({
        status: 'DECLARED',
        fulfilledAmount: '0.00',
        version: 2,
        fulfilments: [
          {
            amount: '400000.00',
            complete: false,
            note: 'PV de réception',
            accepted: null,
            declaredBy: { displayName: 'Youssef Bennani' },
            verifiedBy: null,
          },
        ],
      });

      const verifyInput = { commitmentId: commitment.id, version: 2, accepted: true, note: 'Conforme' };
      expect(codeOf(await as('elu', VERIFY, verifyInput))).toBe('FORBIDDEN');
      expect(codeOf(await as('sao', VERIFY, verifyInput))).toBe('FORBIDDEN');
      const verified = await as('ministere', VERIFY, verifyInput);
      expect(verified.errors).toBeUndefined();
      expect(verified.data?.['verifyCommitmentFulfilment']).toMatchObject({
        status: 'PARTIALLY_FULFILLED',
        fulfilledAmount: '400000.00',
        fulfilledOn: todayInMorocco(),
        version: 3,
        fulfilments: [
          { accepted: true, verificationNote: 'Conforme', verifiedBy: { displayName: 'Karim El Idrissi' } },
        ],
      });
      expect(await auditOperations(commitment.id)).toEqual([
        'declareCommitmentFulfilment',
        'verifyCommitmentFulfilment',
      ]);
      const closed = await declare('sao', commitment, { version: 3, complete: true });
      expect(fieldsOf(closed)).toEqual([
        { field: 'commitmentId', message: 'Cet engagement est clos (PARTIALLY_FULFILLED).' },
      ]);
    });

    it('the audit trail tells who declared and who verified, to whoever may read the commitment', async () => {
      const commitment = await saoCommitment();
      await declare('sao', commitment, { amount: '250000', complete: false });
      await as('ministere', VERIFY, { commitmentId: commitment.id, version: 2, accepted: true });
      const TRAIL = `query ($id: ID!) { auditTrail(subjectType: COMMITMENT, subjectId: $id) {
        edges { node { action actor { displayName } changes } }
      } }`;
      const trail = await api.graphql<{
        auditTrail: {
          edges: {
            node: { action: string; actor: { displayName: string }; changes: Record<string, unknown> };
          }[];
        };
      }>(TRAIL, { id: commitment.id }, { token: tokens.elu });
      expect(trail.errors).toBeUndefined();
      const [verified, declared] = trail.data?.auditTrail.edges.map((e) => e.node) ?? [];
      expect(declared).toMatchObject({
        action: 'UPDATE',
        actor: { displayName: 'Youssef Bennani' },
        changes: {
          status: ['PLANNED', 'DECLARED'],
          fulfilment: [null, expect.objectContaining({ amount: '250000.00', note: 'PV de réception' })],
        },
      });
      expect(verified).toMatchObject({
        actor: { displayName: 'Karim El Idrissi' },
        changes: { status: ['DECLARED', 'PARTIALLY_FULFILLED'], fulfilledAmount: ['0.00', '250000.00'] },
      });
      const outside = await api.graphql(TRAIL, { id: commitment.id }, { token: tokens['elu.marrakech'] });
      expect(codeOf(outside)).toBe('NOT_FOUND');
    });

    it('a complete declaration accepted is FULFILLED with everything that remained', async () => {
      const commitment = await saoCommitment({ amount: '750000.00' });
      expect((await declare('sao', commitment, { complete: true })).errors).toBeUndefined();
      const verified = await as('ministere', VERIFY, {
        commitmentId: commitment.id,
        version: 2,
        accepted: true,
      });
      expect(verified.data?.['verifyCommitmentFulfilment']).toMatchObject({
        status: 'FULFILLED',
        fulfilledAmount: '750000.00',
        fulfilledOn: todayInMorocco(),
      });
    });

    it('sent back, it returns to IN_PROGRESS with the reason, and can be declared again', async () => {
      const commitment = await saoCommitment();
      await declare('sao', commitment, { amount: '1000000', complete: true });
      const noReason = await as('ministere', VERIFY, {
        commitmentId: commitment.id,
        version: 2,
        accepted: false,
      });
      expect(fieldsOf(noReason)).toEqual([{ field: 'note', message: 'Indiquez un motif.' }]);
      const sentBack = await as('ministere', VERIFY, {
        commitmentId: commitment.id,
        version: 2,
        accepted: false,
        note: 'Pièces justificatives manquantes',
      });
      expect(sentBack.data?.['verifyCommitmentFulfilment']).toMatchObject({
        status: 'IN_PROGRESS',
        statusNote: 'Pièces justificatives manquantes',
        fulfilledAmount: '0.00',
        fulfilments: [{ accepted: false, verificationNote: 'Pièces justificatives manquantes' }],
      });
      const again = await declare('sao', commitment, { version: 3, amount: '1000000', complete: true });
      expect(again.data?.['declareCommitmentFulfilment'].status).toBe('DECLARED');
      expect(again.data?.['declareCommitmentFulfilment'].fulfilments).toHaveLength(2);
    });

    it('declaring: only the committing organisation (FORBIDDEN to the ministry and others, NOT_FOUND out of scope)', async () => {
      const commitment = await saoCommitment();
      expect(codeOf(await declare('ministere', commitment, { complete: true }))).toBe('FORBIDDEN');
      expect(codeOf(await declare('elu', commitment, { complete: true }))).toBe('FORBIDDEN');
      expect(codeOf(await declare('elu.marrakech', commitment, { complete: true }))).toBe('NOT_FOUND');
      expect(await auditOperations(commitment.id)).toEqual([]);
      expect((await declare('admin', commitment, { complete: true })).errors).toBeUndefined();
    });

    it('the ministry declares the ministry’s own commitments, as any committing organisation', async () => {
      const commitment = await saoCommitment({ organization: 'ministry' });
      const declared = await declare('ministere', commitment, { complete: true });
      expect(declared.errors).toBeUndefined();
      expect(declared.data?.['declareCommitmentFulfilment']).toMatchObject({
        status: 'DECLARED',
        fulfilments: [{ amount: '1000000.00', declaredBy: { displayName: 'Karim El Idrissi' } }],
      });
    });

    it('refuses more than remains, a declaration while one awaits verification, and verifying nothing', async () => {
      const commitment = await saoCommitment({ amount: '100000.00' });
      const tooMuch = await declare('sao', commitment, { amount: '100000.01', complete: false });
      expect(fieldsOf(tooMuch)).toEqual([
        { field: 'amount', message: 'Au plus 100000.00 restent à honorer.' },
      ]);
      const nothing = await declare('sao', commitment, { complete: false });
      expect(fieldsOf(nothing)).toEqual([
        { field: 'amount', message: 'Indiquez un montant ou une quantité.' },
      ]);
      const noNote = await declare('sao', commitment, { complete: true, note: '' });
      expect(fieldsOf(noNote)).toEqual([{ field: 'note', message: 'Ce champ est obligatoire.' }]);
      const notDeclared = await as('ministere', VERIFY, {
        commitmentId: commitment.id,
        version: 1,
        accepted: true,
      });
      expect(fieldsOf(notDeclared)).toEqual([
        { field: 'commitmentId', message: "Aucune réalisation déclarée n'attend de vérification." },
      ]);
      await declare('sao', commitment, { amount: '50000', complete: false });
      const twice = await declare('sao', commitment, { version: 2, amount: '50000', complete: false });
      expect(fieldsOf(twice)).toEqual([
        { field: 'commitmentId', message: 'Une réalisation déclarée attend déjà sa vérification.' },
      ]);
      expect(
        await dataSource.query('SELECT amount FROM commitment_fulfilment WHERE commitment_id = $1', [
          commitment.id,
        ]),
      ).toEqual([{ amount: '50000.00' }]);
    });

    it('is CONFLICT with a stale version, for declaring and for verifying', async () => {
      const commitment = await saoCommitment();
      await as('sao', UPDATE, { id: commitment.id, version: 1, status: 'IN_PROGRESS' });
      expect(codeOf(await declare('sao', commitment, { complete: true }))).toBe('CONFLICT');
      await declare('sao', commitment, { version: 2, complete: true });
      expect(
        codeOf(await as('ministere', VERIFY, { commitmentId: commitment.id, version: 2, accepted: true })),
      ).toBe('CONFLICT');
    });

    it('eight concurrent declarations with one version: exactly one wins, the others are CONFLICT', async () => {
      const commitment = await saoCommitment();
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          declare('sao', commitment, { amount: `${1000 + i}`, complete: false }),
        ),
      );
      const codes = responses.map((response) => codeOf(response) ?? 'OK').sort();
      expect(codes).toEqual([
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'OK',
      ]);
      const rows: unknown[] = await dataSource.query(
        'SELECT id FROM commitment_fulfilment WHERE commitment_id = $1',
        [commitment.id],
      );
      expect(rows).toHaveLength(1);
      expect(await auditOperations(commitment.id)).toEqual(['declareCommitmentFulfilment']);
    });
  });
});
