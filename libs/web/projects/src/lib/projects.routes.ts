import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ProjectDetailPage } from './detail/project-detail.page';
import { ProjectListPage } from './list/project-list.page';

/** Mounted at /projects by the shell (lazy, signed-in users). */
export const projectsRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope('projects')],
    children: [
      { path: '', component: ProjectListPage, title: 'nav.projects' },
      { path: ':id', component: ProjectDetailPage, title: 'pages.project' },
    ],
  },
];
