import type { Params } from '@angular/router';
import type { SubjectType } from './generated';

/** Where a notification's subject is shown: router commands and query params. */
export interface SubjectTarget {
  readonly commands: readonly string[];
  readonly queryParams: Params | null;
}

/**
 * The page of a notification's subject. A convention has no page of its own: its commitments,
 * filtered on it, are what people follow up.
 */
export function subjectTarget(subjectType: SubjectType, subjectId: string): SubjectTarget {
  switch (subjectType) {
    case 'PROJECT':
      return { commands: ['/projects', subjectId], queryParams: null };
    case 'COMMITMENT':
      return { commands: ['/commitments', subjectId], queryParams: null };
    case 'ACTION':
      return { commands: ['/actions', subjectId], queryParams: null };
    case 'FORUM':
      return { commands: ['/forums', subjectId], queryParams: null };
    case 'CONVENTION':
      return { commands: ['/commitments'], queryParams: { convention: subjectId } };
  }
}
