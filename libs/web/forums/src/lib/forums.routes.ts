import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ForumDetailPage } from './detail/forum-detail.page';
import { ForumsListPage } from './list/forums-list.page';

/** Mounted at /forums by the shell (lazy, signed-in users). */
export const forumsRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope('forums')],
    children: [
      { path: '', component: ForumsListPage, title: 'nav.forums' },
      { path: ':id', component: ForumDetailPage, title: 'pages.forum' },
    ],
  },
];
