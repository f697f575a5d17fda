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
 * Latin letters with accents and their plain letter, both cases, for SQL's `translate()`: the same
 * folding as `foldForSearch`, so that "sedik" finds "Sédik" and "SEDIK" alike.
 */
const ACCENTED =
  'ÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮÑŃŇÒÓÔÕÖØŌŔŘŚŠŤÙÚÛÜŪŮŲÝŸŹŻŽàáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöøōŕřśšťùúûüūůųýÿźżž';
const PLAIN =
  'AAAAAAAAACCCDEEEEEEEEIIIIIINNNOOOOOOORRSSTUUUUUUUYYZZZaaaaaaaaacccdeeeeeeeeiiiiiinnnooooooorrsstuuuuuuuyyzzz';

/** A column's text folded as `foldForSearch` folds what was typed: no accents, lower case. */
export function foldedColumn(column: string): string {
  return `lower(translate(${column}, '${ACCENTED}', '${PLAIN}'))`;
}

/** What someone typed, folded for an accent- and case-insensitive comparison with `foldedColumn`. */
export function foldForSearch(text: string): string {
  return Array.from(text.normalize('NFD').replace(/\p{M}/gu, ''))
    .map((char) => {
      const index = ACCENTED.indexOf(char);
      return index >= 0 ? PLAIN[index] : char;
    })
    .join('')
    .toLowerCase();
}
