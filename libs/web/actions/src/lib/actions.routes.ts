import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ActionsBoardPage } from './board/actions-board.page';
import { ActionDetailPage } from './detail/action-detail.page';

/** Mounted at /actions by the shell (lazy, signed-in users). */
export const actionsRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope('actions')],
    children: [
      { path: '', component: ActionsBoardPage, title: 'nav.actions' },
      { path: ':id', component: ActionDetailPage, title: 'nav.actions' },
    ],
  },
];
