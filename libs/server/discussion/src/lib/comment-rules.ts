import type { SubjectFacts } from '@convergence/server/audit';
import type { Actor, FieldProblem } from '@convergence/server/core';
import type { SubjectType } from '@convergence/shared/domain';

/** Editing and deleting: one's own comments; administrators moderate all of them (PRODUCT.md). */
export function mayChangeComment(actor: Pick<Actor, 'userId' | 'role'>, authorUserId: string): boolean {
  return authorUserId === actor.userId || actor.role === 'ADMIN';
}

/** What a new comment says about where it goes. */
export interface CommentPlace {
  subjectType: SubjectType;
  subjectId: string;
  parentId?: string | null;
  isQuestion?: boolean | null;
}

/** The comment a reply names, as far as threading is concerned. */
export interface ParentComment {
  subjectType: SubjectType;
  subjectId: string;
  parentId: string | null;
}

/** One level of threads: a reply answers a comment of the same subject that is not itself a reply. */
export function parentProblems(place: CommentPlace, parent: ParentComment | null): FieldProblem[] {
  if (!place.parentId) return [];
  const startsThread =
    parent !== null &&
    parent.parentId === null &&
    parent.subjectType === place.subjectType &&
    parent.subjectId === place.subjectId;
  return startsThread ? [] : [{ field: 'parentId', key: 'validation.replyToTopLevelComment' }];
}

/** A formal question opens a thread and is addressed to the organisations responsible for the subject. */
export function questionProblems(
  place: CommentPlace,
  facts: Pick<SubjectFacts, 'responsibleOrganizationIds'>,
): FieldProblem[] {
  if (!place.isQuestion) return [];
  if (place.parentId) return [{ field: 'isQuestion', key: 'validation.questionNotOnReply' }];
  if (facts.responsibleOrganizationIds.length === 0) {
    return [{ field: 'isQuestion', key: 'validation.questionWithoutResponsible' }];
  }
  return [];
}

/**
 * How names are folded for the mention search, on both sides of the comparison: each group of
 * letters becomes its plain letter, in any case. Latin: accents and the dotted or barred letters of
 * transliterations ("Şerif", "Ḥassan", "Ṭarik"). Arabic: the forms of alef carrying a hamza or a
 * madda become a bare alef, ؤ a waw, ئ and alef maqsura a ya, ta marbuta a ha, as people commonly
 * type names without them: "احمد" finds "أحمد", "فاطمه" finds "فاطمة". A lone hamza ء stays a
 * letter. Letters with no plain form here (ß, Œ, Æ…) are kept as they are.
 */
const LETTER_GROUPS: Readonly<Record<string, string>> = {
  a: 'ÀÁÂÃÄÅĀĂĄǍẠàáâãäåāăąǎạ',
  c: 'ÇĆĈĊČçćĉċč',
  d: 'ĎĐḌḎďđḍḏ',
  e: 'ÈÉÊËĒĔĖĘĚẸèéêëēĕėęěẹ',
  g: 'ĜĞĠĢǦĝğġģǧ',
  h: 'ĤĦḤḪĥħḥḫ',
  i: 'ÌÍÎÏĨĪĬĮİìíîïĩīĭįı',
  j: 'Ĵĵ',
  k: 'Ķķ',
  l: 'ĹĻĽĿŁĺļľŀł',
  n: 'ÑŃŅŇñńņň',
  o: 'ÒÓÔÕÖØŌŎŐòóôõöøōŏő',
  r: 'ŔŖŘŕŗř',
  s: 'ŚŜŞŠȘṢśŝşšșṣ',
  t: 'ŢŤŦȚṬţťŧțṭ',
  u: 'ÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűų',
  w: 'Ŵŵ',
  y: 'ÝŶŸýŷÿ',
  z: 'ŹŻŽẒźżžẓ',
  ا: 'أإآٱ',
  و: 'ؤ',
  ي: 'ئى',
  ه: 'ة',
};

/** Code points from `first` to `last`, as one string. */
const range = (first: number, last: number): string =>
  String.fromCodePoint(...Array.from({ length: last - first + 1 }, (_, index) => first + index));

/**
 * Marks that are dropped: the combining diacritics of Latin (a name stored decomposed, "e" + "◌́",
 * compares as "e"), the Arabic short vowels and other marks, the superscript alef and the tatweel.
 */
const DROPPED = range(0x0300, 0x036f) + range(0x064b, 0x065f) + '\u0670\u0640';

/** `translate()`'s two lists: each letter and its plain one, then the marks it deletes (no counterpart). */
export const FOLD_FROM = Object.values(LETTER_GROUPS).join('') + DROPPED;
export const FOLD_TO = Object.entries(LETTER_GROUPS)
  .map(([plain, letters]) => plain.repeat(Array.from(letters).length))
  .join('');

/**
 * A SQL text expression folded for an accent-, hamza- and case-insensitive comparison: applied to
 * the column and to the bound search text alike, so that both sides are folded by the very same
 * function (PostgreSQL's `translate()` and `lower()`: no extension needed, PGlite included).
 */
export function foldedSql(expression: string): string {
  return `lower(translate(${expression}, '${FOLD_FROM}', '${FOLD_TO}'))`;
}
