import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { CommitmentPage } from './commitment-page/commitment.page';
import { CommitmentsPage } from './commitments-page/commitments.page';

/** Mounted at /commitments by the shell (lazy, signed-in users). */
export const commitmentsRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope('commitments')],
    children: [
      { path: '', component: CommitmentsPage, title: 'nav.commitments' },
      { path: ':id', component: CommitmentPage, title: 'pages.commitment' },
    ],
  },
];
