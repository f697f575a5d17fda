import { AuditEventEntity } from '@convergence/server/audit';
import { CommentEntity, CommentRevisionEntity } from '@convergence/server/discussion';
import { FollowEntity } from '@convergence/server/notifications';
import { OutboxEventEntity } from '@convergence/server/outbox';
import { QUESTION_ANSWER_DAYS } from '@convergence/shared/domain';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  createDiscussionFixtures,
  createQuietProject,
  emailOf,
  insertThreads,
  outboxEventsAbout,
  PERSONAS,
  type DiscussionFixtures,
  type Persona,
} from './testing/discussion-fixtures';
import { statementsDuring } from './testing/sql-statements';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface CommentNode {
  id: string;
  body: string;
  author: { id: string; displayName: string };
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  subjectType: string;
  subjectId: string;
  parentId: string | null;
  mentions: { id: string; displayName: string }[];
  isQuestion: boolean;
  questionDueAt: string | null;
  answeredAt: string | null;
  version: number;
  canEdit: boolean;
  replies: Omit<CommentNode, 'replies'>[];
}
interface CommentPage {
  comments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: CommentNode }[];
  };
}

const FIELDS = `id body author { id displayName } createdAt editedAt deleted subjectType subjectId parentId
  mentions { id displayName } isQuestion questionDueAt answeredAt version canEdit`;

const COMMENTS = `query ($type: SubjectType!, $id: ID!, $first: Int, $after: String) {
  comments(subjectType: $type, subjectId: $id, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${FIELDS} replies { ${FIELDS} } } }
  }
}`;
const ADD = `mutation ($input: AddCommentInput!) { addComment(input: $input) { ${FIELDS} replies { ${FIELDS} } } }`;
const EDIT = `mutation ($id: ID!, $body: String!) { editComment(id: $id, body: $body) { ${FIELDS} replies { ${FIELDS} } } }`;
const DELETE = `mutation ($id: ID!) { deleteComment(id: $id) { ${FIELDS} replies { ${FIELDS} } } }`;

type Response<K extends string> = GraphqlResponse<Record<K, CommentNode>>;

describe('comments', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let fx: DiscussionFixtures;
  const tokens = {} as Record<Persona, string>;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    fx = await createDiscussionFixtures(dataSource);
    for (const persona of PERSONAS) tokens[persona] = await api.signIn(emailOf(persona));
  });
  afterAll(() => api.close());

  const add = (persona: Persona, input: Record<string, unknown>): Promise<Response<'addComment'>> =>
    api.graphql(
      ADD,
      { input: { subjectType: 'PROJECT', subjectId: fx.casablancaProjectId, ...input } },
      { token: tokens[persona], locale: 'en' },
    );
  const added = async (persona: Persona, input: Record<string, unknown>): Promise<CommentNode> => {
    const response = await add(persona, input);
    expect(response.errors).toBeUndefined();
    const comment = response.data?.addComment;
    if (!comment) throw new Error(`addComment failed: ${JSON.stringify(response.errors)}`);
    return comment;
  };
  const edit = (persona: Persona, id: string, body: string): Promise<Response<'editComment'>> =>
    api.graphql(EDIT, { id, body }, { token: tokens[persona], locale: 'en' });
  const remove = (persona: Persona, id: string): Promise<Response<'deleteComment'>> =>
    api.graphql(DELETE, { id }, { token: tokens[persona], locale: 'en' });
  const list = (persona: Persona, variables: Record<string, unknown>) =>
    api.graphql<CommentPage>(
      COMMENTS,
      { type: 'PROJECT', first: 100, ...variables },
      { token: tokens[persona], locale: 'en' },
    );
  /** The page of threads, which the test expects to be readable. */
  const threads = async (persona: Persona, variables: Record<string, unknown>) => {
    const response = await list(persona, variables);
    if (!response.data) throw new Error(`comments failed: ${JSON.stringify(response.errors)}`);
    return response.data.comments;
  };
  const codeOf = (response: GraphqlResponse<unknown>) => response.errors?.[0]?.extensions?.code;
  const fieldsOf = (response: GraphqlResponse<unknown>) => response.errors?.[0]?.extensions?.fields ?? [];
  const commentRow = (id: string) => dataSource.getRepository(CommentEntity).findOneByOrFail({ id });

  describe('addComment', () => {
    it('lets anyone who reads the subject comment, names the mentioned reader, and writes its events with it', async () => {
      const subjectId = await createQuietProject(dataSource);
      const comment = await added('elu', {
        subjectId,
        body: '  Où en est le relogement des ménages ?  ',
        mentions: [fx.userIds.sao, fx.userIds.sao],
      });
      expect(comment).toMatchObject({
        body: 'Où en est le relogement des ménages ?',
        author: { id: fx.userIds.elu, displayName: 'Fatima Zahra Alaoui' },
        mentions: [{ id: fx.userIds.sao, displayName: 'Youssef Bennani' }],
        subjectType: 'PROJECT',
        subjectId,
        parentId: null,
        deleted: false,
        editedAt: null,
        isQuestion: false,
        questionDueAt: null,
        canEdit: true,
        replies: [],
      });

      const events = await outboxEventsAbout(dataSource, subjectId);
      expect(events.map((event) => event.type).sort()).toEqual(['COMMENT_ADDED', 'MENTION']);
      const mention = events.find((event) => event.type === 'MENTION');
      expect(mention).toMatchObject({
        subjectType: 'PROJECT',
        actorUserId: fx.userIds.elu,
        payload: {
          commentId: comment.id,
          authorUserId: fx.userIds.elu,
          authorName: 'Fatima Zahra Alaoui',
          excerpt: 'Où en est le relogement des ménages ?',
          mentionUserIds: [fx.userIds.sao],
        },
      });
      // The event was written by the comment's own transaction: same commit time to the microsecond.
      const [{ same }] = await dataSource.query(
        'SELECT bool_and(e.created_at = c.created_at) AS same FROM outbox_event e, comment c WHERE c.id = $1 AND e.subject_id = $2',
        [comment.id, subjectId],
      );
      expect(same).toBe(true);
    });

    it('refuses a mention of someone who cannot read the subject, and writes nothing at all', async () => {
      const subjectId = await createQuietProject(dataSource);
      const unknownUser = '00000000-0000-4000-8000-000000000000';
      const messages = new Set<string>();
      for (const mentions of [[fx.userIds['elu.marrakech']], [unknownUser], [fx.saoInactive.id]]) {
        const response = await add('elu', {
          subjectId,
          body: 'Avis ?',
          mentions: [fx.userIds.sao, ...mentions],
        });
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(response)).toEqual([
          { field: 'mentions', message: 'Only people who can read this subject can be mentioned.' },
        ]);
        messages.add(JSON.stringify(response.errors));
      }
      // Unknown, deactivated and out-of-scope users are refused alike: no way to learn who exists.
      expect(messages.size).toBe(1);
      expect(await dataSource.getRepository(CommentEntity).countBy({ subjectId })).toBe(0);
      expect(await outboxEventsAbout(dataSource, subjectId)).toEqual([]);
      expect(await dataSource.getRepository(AuditEventEntity).countBy({ subjectId })).toBe(0);
      expect(await dataSource.getRepository(FollowEntity).countBy({ subjectId })).toBe(0);
    });

    it('refuses a comment on a subject out of scope as if it did not exist', async () => {
      for (const subjectId of [fx.marrakechProjectId, '00000000-0000-4000-8000-000000000001']) {
        const response = await add('elu', { subjectId, body: 'Hors de ma région' });
        expect(codeOf(response)).toBe('NOT_FOUND');
        expect(response.errors?.[0]?.message).toBe('Project not found.');
      }
      expect(
        await dataSource.getRepository(CommentEntity).countBy({ subjectId: fx.marrakechProjectId }),
      ).toBe(0);
    });

    it.each([
      ['', 'body', 'This field is required.'],
      ['   ', 'body', 'This field is required.'],
      ['x'.repeat(5001), 'body', 'At most 5000 characters.'],
    ])('refuses the body %#', async (body, field, message) => {
      const response = await add('elu', { body });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual([{ field, message }]);
    });

    it('accepts 5000 characters and names each bad identifier', async () => {
      expect((await added('elu', { body: 'é'.repeat(5000) })).body).toHaveLength(5000);
      const response = await add('elu', { subjectId: 'abc', body: 'ok', parentId: 'x', mentions: ['y'] });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(
        fieldsOf(response)
          .map((problem) => problem.field)
          .sort(),
      ).toEqual(['mentions', 'parentId', 'subjectId']);
    });

    it('makes the author follow the subject, but keeps an explicit unfollow', async () => {
      const subjectId = await createQuietProject(dataSource);
      const follows = dataSource.getRepository(FollowEntity);
      await added('elu', { subjectId, body: 'Je suis ce projet.' });
      expect(await follows.findOneBy({ userId: fx.userIds.elu, subjectId })).toMatchObject({
        following: true,
      });

      await follows.update({ userId: fx.userIds.elu, subjectId }, { following: false });
      await added('elu', { subjectId, body: 'Encore un mot.' });
      expect(await follows.findOneBy({ userId: fx.userIds.elu, subjectId })).toMatchObject({
        following: false,
      });
    });

    it('writes the comment in the subject’s audit trail', async () => {
      const subjectId = await createQuietProject(dataSource);
      const comment = await added('prefecture', { subjectId, body: 'Recensement terminé.' });
      expect(await dataSource.getRepository(AuditEventEntity).findBy({ subjectId })).toEqual([
        expect.objectContaining({
          actorUserId: fx.userIds.prefecture,
          operation: 'addComment',
          subjectType: 'PROJECT',
          changes: { commentId: [null, comment.id], body: [null, 'Recensement terminé.'] },
        }),
      ]);
    });
  });

  describe('threads', () => {
    it('threads replies one level deep, announces the reply to the parent’s author, and lists them oldest first', async () => {
      const subjectId = await createQuietProject(dataSource);
      const first = await added('elu', { subjectId, body: 'Premier fil' });
      const second = await added('ministere', { subjectId, body: 'Second fil' });
      const reply = await added('sao', { subjectId, body: 'Réponse au premier', parentId: first.id });
      const reply2 = await added('prefecture', { subjectId, body: 'Autre réponse', parentId: first.id });
      expect(reply.parentId).toBe(first.id);

      const replyEvent = (await outboxEventsAbout(dataSource, subjectId)).find(
        (event) => event.type === 'COMMENT_REPLY',
      );
      expect(replyEvent?.payload).toMatchObject({
        commentId: reply.id,
        parentId: first.id,
        parentAuthorUserId: fx.userIds.elu,
      });

      const page = await threads('elu', { id: subjectId });
      expect(page.totalCount).toBe(2);
      expect(page.edges.map((edge) => edge.node.id)).toEqual([first.id, second.id]);
      expect(page.edges[0].node.replies.map((r) => [r.id, r.author.displayName, r.canEdit])).toEqual([
        [reply.id, 'Youssef Bennani', false],
        [reply2.id, 'Nadia Chraibi', false],
      ]);
      expect(page.edges[1].node.replies).toEqual([]);
    });

    it('refuses a reply to a reply, or to a comment of another subject', async () => {
      const subjectId = await createQuietProject(dataSource);
      const top = await added('elu', { subjectId, body: 'Fil' });
      const reply = await added('sao', { subjectId, body: 'Réponse', parentId: top.id });
      const elsewhere = await added('elu', { body: 'Ailleurs' });
      for (const parentId of [reply.id, elsewhere.id, '00000000-0000-4000-8000-000000000002']) {
        const response = await add('elu', { subjectId, body: 'Et alors ?', parentId });
        expect(fieldsOf(response)).toEqual([
          {
            field: 'parentId',
            message: 'Reply to a comment on this same subject that is not itself a reply.',
          },
        ]);
      }
    });

    it('pages threads by cursor', async () => {
      const subjectId = await createQuietProject(dataSource);
      await insertThreads(
        dataSource,
        { subjectType: 'PROJECT', subjectId },
        { count: 5, repliesEach: 1, authorUserIds: [fx.userIds.elu], mentionUserIds: [] },
      );
      const one = await threads('elu', { id: subjectId, first: 3 });
      expect(one.pageInfo.hasNextPage).toBe(true);
      const two = await threads('elu', { id: subjectId, first: 3, after: one.pageInfo.endCursor });
      expect(two.pageInfo.hasNextPage).toBe(false);
      expect([...one.edges, ...two.edges].map((edge) => edge.node.body)).toEqual([
        'Fil 0',
        'Fil 1',
        'Fil 2',
        'Fil 3',
        'Fil 4',
      ]);
      expect(one.totalCount).toBe(5);
    });

    it('shows a subject’s comments only to those who read the subject', async () => {
      const comment = await added('ministere', {
        subjectId: fx.marrakechProjectId,
        body: 'Point sur Marrakech',
      });
      expect((await list('elu.marrakech', { id: fx.marrakechProjectId })).data?.comments.edges).toEqual([
        expect.objectContaining({ node: expect.objectContaining({ id: comment.id }) }),
      ]);
      for (const persona of ['elu', 'sao', 'prefecture', 'lydec'] as const) {
        const response = await list(persona, { id: fx.marrakechProjectId });
        expect(codeOf(response)).toBe('NOT_FOUND');
        expect(response.data).toBeNull();
      }
      const signedOut = await api.graphql(COMMENTS, { type: 'PROJECT', id: fx.marrakechProjectId });
      expect(codeOf(signedOut)).toBe('UNAUTHENTICATED');
    });

    it('costs the same number of statements for 5 threads as for 50, with replies, authors and mentions', async () => {
      const subjectId = await createQuietProject(dataSource);
      await insertThreads(
        dataSource,
        { subjectType: 'PROJECT', subjectId },
        {
          count: 50,
          repliesEach: 2,
          authorUserIds: [fx.userIds.elu, fx.userIds.sao, fx.userIds.prefecture, fx.userIds.ministere],
          mentionUserIds: [fx.userIds.sao, fx.saoColleague.id],
        },
      );
      const count = async (first: number) =>
        (
          await statementsDuring(async () => {
            const response = await list('elu', { id: subjectId, first });
            expect(response.data?.comments.edges).toHaveLength(first);
            expect(response.data?.comments.edges[first - 1].node.replies[1].mentions).toHaveLength(2);
          })
        ).length;
      expect(await count(50)).toBe(await count(5));
    });
  });

  describe('formal questions', () => {
    it('gives a question its deadline and announces it; a reply from the lead organisation answers it', async () => {
      const question = await added('elu', { body: 'Quand les travaux reprennent-ils ?', isQuestion: true });
      const asked = Date.parse(question.createdAt);
      expect(Date.parse(String(question.questionDueAt)) - asked).toBe(QUESTION_ANSWER_DAYS * 86_400_000);
      expect(question.answeredAt).toBeNull();
      const event = await dataSource
        .getRepository(OutboxEventEntity)
        .findOneByOrFail({ type: 'QUESTION_ASKED', subjectId: fx.casablancaProjectId });
      expect(event.payload).toMatchObject({ commentId: question.id, questionDueAt: question.questionDueAt });

      // The prefecture is not the lead organisation: its reply does not answer the question.
      await added('prefecture', { body: 'Le chantier attend le recasement.', parentId: question.id });
      expect((await commentRow(question.id)).answeredAt).toBeNull();

      await added('sao', { body: 'Reprise le mois prochain.', parentId: question.id });
      const answeredAt = (await commentRow(question.id)).answeredAt;
      expect(answeredAt).not.toBeNull();

      // A later reply of the lead organisation does not move the answer time.
      await added('sao', { body: 'Précision : le 3.', parentId: question.id });
      expect((await commentRow(question.id)).answeredAt).toEqual(answeredAt);
    });

    it('refuses a question as a reply, or on a subject no organisation answers for', async () => {
      const top = await added('elu', { body: 'Fil' });
      const asReply = await add('elu', { body: 'Question ?', parentId: top.id, isQuestion: true });
      expect(fieldsOf(asReply)).toEqual([
        { field: 'isQuestion', message: 'A reply cannot be a formal question.' },
      ]);
      const onForum = await add('elu', {
        subjectType: 'FORUM',
        subjectId: fx.forumId,
        body: '?',
        isQuestion: true,
      });
      expect(fieldsOf(onForum)).toEqual([
        {
          field: 'isQuestion',
          message: 'This subject has no responsible organisation to ask a formal question.',
        },
      ]);
      // A plain comment on the forum is fine.
      expect(
        (await added('elu', { subjectType: 'FORUM', subjectId: fx.forumId, body: 'Merci' })).subjectType,
      ).toBe('FORUM');
    });
  });

  describe('editComment', () => {
    it('changes one’s own comment and keeps each previous text', async () => {
      const comment = await added('elu', { body: 'Premier jet' });
      const once = await edit('elu', comment.id, ' Deuxième jet ');
      expect(once.errors).toBeUndefined();
      expect(once.data?.editComment).toMatchObject({ body: 'Deuxième jet', version: comment.version + 1 });
      expect(once.data?.editComment.editedAt).not.toBeNull();
      await edit('elu', comment.id, 'Troisième jet');
      const revisions = await dataSource
        .getRepository(CommentRevisionEntity)
        .find({ where: { commentId: comment.id }, order: { revisedAt: 'ASC' } });
      expect(revisions.map((revision) => [revision.body, revision.editorUserId])).toEqual([
        ['Premier jet', fx.userIds.elu],
        ['Deuxième jet', fx.userIds.elu],
      ]);
      const audit = await dataSource
        .getRepository(AuditEventEntity)
        .findBy({ subjectId: fx.casablancaProjectId, operation: 'editComment' });
      expect(audit.map((event) => event.changes)).toEqual(
        expect.arrayContaining([{ commentId: [null, comment.id], body: ['Premier jet', 'Deuxième jet'] }]),
      );
    });

    it('refuses someone else’s comment (FORBIDDEN), one out of scope (NOT_FOUND) and a bad body', async () => {
      const comment = await added('elu', { body: 'À moi' });
      expect(codeOf(await edit('sao', comment.id, 'Pirate'))).toBe('FORBIDDEN');
      const outOfScope = await edit('elu.marrakech', comment.id, 'Pirate');
      expect(codeOf(outOfScope)).toBe('NOT_FOUND');
      expect(outOfScope.errors?.[0]?.message).toBe('Comment not found.');
      expect(codeOf(await edit('elu', '00000000-0000-4000-8000-000000000003', 'Rien'))).toBe('NOT_FOUND');
      expect(fieldsOf(await edit('elu', comment.id, '  '))).toEqual([
        { field: 'body', message: 'This field is required.' },
      ]);
      expect((await commentRow(comment.id)).body).toBe('À moi');
    });

    it('lets an administrator moderate anyone’s comment', async () => {
      const comment = await added('sao', { body: 'Propos déplacé' });
      const moderated = await edit('admin', comment.id, 'Propos modéré');
      expect(moderated.data?.editComment.body).toBe('Propos modéré');
      const revision = await dataSource
        .getRepository(CommentRevisionEntity)
        .findOneByOrFail({ commentId: comment.id });
      expect(revision).toMatchObject({ body: 'Propos déplacé', editorUserId: fx.userIds.admin });
    });

    it('is a CONFLICT when someone else changed the comment between its read and its write', async () => {
      const comment = await added('elu', { body: 'Version lue' });
      const other = new Client({ connectionString: api.databaseUrl });
      await other.connect();
      try {
        // Another writer changes the comment and holds its lock; the api reads the committed version,
        // then its conditional update waits for the lock and finds the version gone.
        await other.query('BEGIN');
        await other.query('UPDATE comment SET body = $2, version = version + 1 WHERE id = $1', [
          comment.id,
          'Version concurrente',
        ]);
        const pending = edit('elu', comment.id, 'Ma version');
        await waitForLockWaiter(other);
        await other.query('COMMIT');
        const response = await pending;
        expect(codeOf(response)).toBe('CONFLICT');
      } finally {
        await other.end();
      }
      expect((await commentRow(comment.id)).body).toBe('Version concurrente');
      expect(await dataSource.getRepository(CommentRevisionEntity).countBy({ commentId: comment.id })).toBe(
        0,
      );
    });
  });

  describe('deleteComment', () => {
    it('blanks the text and keeps the thread, the text kept as a revision', async () => {
      const subjectId = await createQuietProject(dataSource);
      const top = await added('elu', { subjectId, body: 'À retirer', mentions: [fx.userIds.sao] });
      const reply = await added('sao', { subjectId, body: 'Réponse', parentId: top.id });
      const deleted = await remove('elu', top.id);
      expect(deleted.data?.deleteComment).toMatchObject({
        body: '',
        deleted: true,
        mentions: [],
        canEdit: false,
        replies: [expect.objectContaining({ id: reply.id, body: 'Réponse' })],
      });
      expect(await commentRow(top.id)).toMatchObject({ body: '', deletedByUserId: fx.userIds.elu });
      expect(
        (await dataSource.getRepository(CommentRevisionEntity).findOneByOrFail({ commentId: top.id })).body,
      ).toBe('À retirer');
      const page = await threads('elu', { id: subjectId });
      expect(page.edges.map((edge) => [edge.node.deleted, edge.node.body, edge.node.replies.length])).toEqual(
        [[true, '', 1]],
      );
      const audit = await dataSource
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ subjectId, operation: 'deleteComment' });
      expect(audit.changes).toEqual({ commentId: [null, top.id], body: ['À retirer', ''] });

      // Gone for good: neither edited nor deleted again.
      for (const response of [await edit('elu', top.id, 'Retour'), await remove('elu', top.id)]) {
        expect(fieldsOf(response)).toEqual([{ field: 'id', message: 'This comment was deleted.' }]);
      }
    });

    it('is one’s own to delete (FORBIDDEN otherwise, NOT_FOUND out of scope), and any for a moderator', async () => {
      const comment = await added('elu', { body: 'Discutable' });
      expect(codeOf(await remove('ministere', comment.id))).toBe('FORBIDDEN');
      expect(codeOf(await remove('elu.marrakech', comment.id))).toBe('NOT_FOUND');
      expect((await commentRow(comment.id)).deletedAt).toBeNull();
      const moderated = await remove('admin', comment.id);
      expect(moderated.data?.deleteComment.deleted).toBe(true);
      expect((await commentRow(comment.id)).deletedByUserId).toBe(fx.userIds.admin);
    });

    it('shows the author and administrators, and nobody else, that they may edit', async () => {
      const comment = await added('elu', { body: 'Qui peut modifier ?' });
      const canEdit = async (persona: Persona) =>
        (await list(persona, { id: fx.casablancaProjectId })).data?.comments.edges.find(
          (edge) => edge.node.id === comment.id,
        )?.node.canEdit;
      expect([await canEdit('elu'), await canEdit('admin'), await canEdit('sao')]).toEqual([
        true,
        true,
        false,
      ]);
    });
  });
});

/** Until a statement of another session waits for a lock held by `holder`'s transaction. */
async function waitForLockWaiter(holder: Client): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { rows } = await holder.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the api never waited for the lock');
}
