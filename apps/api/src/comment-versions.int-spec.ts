import { DataSource } from 'typeorm';
import { createDiscussionFixtures, emailOf, type DiscussionFixtures } from './testing/discussion-fixtures';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

interface Comment {
  id: string;
  body: string;
  deleted: boolean;
  version: number;
}

const FIELDS = 'id body deleted version';
const ADD = `mutation ($input: AddCommentInput!) { addComment(input: $input) { ${FIELDS} } }`;
const EDIT = `mutation ($id: ID!, $body: String!, $version: Int) {
  editComment(id: $id, body: $body, version: $version) { ${FIELDS} }
}`;
const DELETE = `mutation ($id: ID!, $version: Int) { deleteComment(id: $id, version: $version) { ${FIELDS} } }`;

/**
 * Editing and deleting a comment take the version the writer read (API.md, optimistic concurrency):
 * a comment changed since, in another tab or by a moderator, is a CONFLICT rather than a silent
 * overwrite. Without a version, the change applies to the comment as it is (API.md's signature).
 */
describe('comment versions', () => {
  let api: TestApi;
  let fx: DiscussionFixtures;
  let elu: string;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    fx = await createDiscussionFixtures(api.app.get(DataSource));
    elu = await api.signIn(emailOf('elu'));
    admin = await api.signIn(emailOf('admin'));
  });
  afterAll(() => api.close());

  const call = <K extends string>(token: string, query: string, variables: Record<string, unknown>) =>
    api.graphql<Record<K, Comment>>(query, variables, { token, locale: 'en' });
  const ok = <K extends string>(response: GraphqlResponse<Record<K, Comment>>, key: K): Comment => {
    const value = response.data?.[key];
    if (!value) throw new Error(`${key} failed: ${JSON.stringify(response.errors)}`);
    return value;
  };
  const codeOf = (response: GraphqlResponse<unknown>) => response.errors?.[0]?.extensions?.code;
  const newComment = async () =>
    ok(
      await call<'addComment'>(elu, ADD, {
        input: { subjectType: 'PROJECT', subjectId: fx.casablancaProjectId, body: 'Première version' },
      }),
      'addComment',
    );

  it('edits with the version read, and refuses a stale one with CONFLICT, keeping the newer text', async () => {
    const comment = await newComment();
    const edited = ok(
      await call<'editComment'>(elu, EDIT, {
        id: comment.id,
        body: 'Deuxième version',
        version: comment.version,
      }),
      'editComment',
    );
    expect(edited).toMatchObject({ body: 'Deuxième version', version: comment.version + 1 });

    const stale = await call(elu, EDIT, {
      id: comment.id,
      body: 'Version périmée',
      version: comment.version,
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    const staleDelete = await call(admin, DELETE, { id: comment.id, version: comment.version });
    expect(codeOf(staleDelete)).toBe('CONFLICT');

    const deleted = ok(
      await call<'deleteComment'>(admin, DELETE, { id: comment.id, version: edited.version }),
      'deleteComment',
    );
    expect(deleted).toMatchObject({ deleted: true, body: '' });
  });

  it('applies a change sent without a version to the comment as it is', async () => {
    const comment = await newComment();
    ok(await call<'editComment'>(elu, EDIT, { id: comment.id, body: 'Revu une fois' }), 'editComment');
    const edited = ok(
      await call<'editComment'>(elu, EDIT, { id: comment.id, body: 'Revu deux fois' }),
      'editComment',
    );
    expect(edited).toMatchObject({ body: 'Revu deux fois', version: comment.version + 2 });
    expect(ok(await call<'deleteComment'>(elu, DELETE, { id: comment.id }), 'deleteComment').deleted).toBe(
      true,
    );
  });
});
