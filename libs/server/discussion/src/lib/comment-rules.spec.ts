import { excerptOf, EXCERPT_LENGTH } from './comment-events';
import {
  foldedColumn,
  foldForSearch,
  mayChangeComment,
  parentProblems,
  questionProblems,
  type ParentComment,
} from './comment-rules';

const SUBJECT = { subjectType: 'PROJECT' as const, subjectId: 'p1' };
const thread: ParentComment = { ...SUBJECT, parentId: null };

describe('mayChangeComment', () => {
  it('lets authors change their own comments and administrators any', () => {
    expect(mayChangeComment({ userId: 'u1', role: 'ELECTED_OFFICIAL' }, 'u1')).toBe(true);
    expect(mayChangeComment({ userId: 'u2', role: 'MINISTRY_OFFICIAL' }, 'u1')).toBe(false);
    expect(mayChangeComment({ userId: 'u2', role: 'ADMIN' }, 'u1')).toBe(true);
  });
});

describe('parentProblems', () => {
  it('accepts a top-level comment, and a reply to a thread of the same subject', () => {
    expect(parentProblems(SUBJECT, null)).toEqual([]);
    expect(parentProblems({ ...SUBJECT, parentId: 'c1' }, thread)).toEqual([]);
  });

  it.each([
    ['a missing parent', null],
    ['a reply', { ...thread, parentId: 'c0' }],
    ['another subject', { ...thread, subjectId: 'p2' }],
    ['another kind of subject', { ...thread, subjectType: 'ACTION' as const }],
  ])('refuses a reply to %s', (_case, parent) => {
    expect(parentProblems({ ...SUBJECT, parentId: 'c1' }, parent)).toEqual([
      { field: 'parentId', key: 'validation.replyToTopLevelComment' },
    ]);
  });
});

describe('questionProblems', () => {
  const responsible = { responsibleOrganizationIds: ['o1'] };

  it('accepts a question opening a thread on a subject someone answers for', () => {
    expect(questionProblems({ ...SUBJECT, isQuestion: true }, responsible)).toEqual([]);
    expect(questionProblems({ ...SUBJECT, isQuestion: false, parentId: 'c1' }, responsible)).toEqual([]);
  });

  it('refuses a question as a reply, or where nobody answers', () => {
    expect(questionProblems({ ...SUBJECT, isQuestion: true, parentId: 'c1' }, responsible)).toEqual([
      { field: 'isQuestion', key: 'validation.questionNotOnReply' },
    ]);
    expect(questionProblems({ ...SUBJECT, isQuestion: true }, { responsibleOrganizationIds: [] })).toEqual([
      { field: 'isQuestion', key: 'validation.questionWithoutResponsible' },
    ]);
  });
});

describe('excerptOf', () => {
  it('keeps the first characters without splitting one in two', () => {
    expect(excerptOf('court')).toBe('court');
    const long = '😀'.repeat(EXCERPT_LENGTH + 5);
    expect(Array.from(excerptOf(long))).toHaveLength(EXCERPT_LENGTH);
    expect(excerptOf(long)).toBe('😀'.repeat(EXCERPT_LENGTH));
  });
});

describe('foldForSearch', () => {
  it('drops accents and case, as the SQL folding of names does', () => {
    expect(foldForSearch('SÉDIK')).toBe('sedik');
    expect(foldForSearch('Çağla Øst')).toBe('cagla ost');
    expect(foldForSearch('يوسف')).toBe('يوسف');
  });

  it('folds a name in the database the same way (one translate table for both)', () => {
    expect(foldedColumn('u.display_name')).toMatch(
      /^lower\(translate\(u\.display_name, '[^']+', '[a-zA-Z]+'\)\)$/,
    );
  });
});
