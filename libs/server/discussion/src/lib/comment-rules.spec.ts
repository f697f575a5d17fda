import { excerptOf, EXCERPT_LENGTH } from './comment-events';
import {
  FOLD_FROM,
  FOLD_TO,
  foldedSql,
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

describe('foldedSql', () => {
  /** What PostgreSQL's translate() does with the two lists: the letters, one by one. */
  const translate = (text: string) => {
    const from = Array.from(FOLD_FROM);
    const to = Array.from(FOLD_TO);
    return Array.from(text)
      .map((char) => (from.includes(char) ? (to[from.indexOf(char)] ?? '') : char))
      .join('');
  };

  it('folds any SQL expression with the same translate() and lower(), column and search alike', () => {
    const column = foldedSql('u.display_name');
    const search = foldedSql(':search');
    expect(column).toMatch(/^lower\(translate\(u\.display_name, '[^']+', '[^']+'\)\)$/);
    expect(search).toBe(column.replace('u.display_name', ':search'));
  });

  it('has lists safe in a SQL literal and in TypeORM: no quote, backslash, wildcard or colon', () => {
    expect(`${FOLD_FROM}${FOLD_TO}`).not.toMatch(/['\\%_:]/);
    const from = Array.from(FOLD_FROM);
    expect(new Set(from).size).toBe(from.length);
    expect(Array.from(FOLD_TO).length).toBeLessThan(from.length);
  });

  it('maps accented, dotted and barred Latin letters to plain lower-case ones', () => {
    expect(translate('SÉDIK Şerif Ḥassan Ṭarik Łukasz Øst İlyas').toLowerCase()).toBe(
      'sedik serif hassan tarik lukasz ost ilyas',
    );
    // Decomposed: the combining accent is dropped.
    expect(translate('Se\u0301dik')).toBe('Sedik');
  });

  it('maps alef with hamza or madda to alef, ؤ to waw, ئ and ى to ya, ة to ha; drops vowel marks', () => {
    expect(translate('أحمد الإدريسي')).toBe('احمد الادريسي');
    expect(translate('آمنة')).toBe('امنه');
    expect(translate('مؤمن هانئ مصطفى')).toBe('مومن هاني مصطفي');
    expect(translate('مُحَمَّد')).toBe('محمد');
    expect(translate('علاء')).toBe('علاء');
  });
});
