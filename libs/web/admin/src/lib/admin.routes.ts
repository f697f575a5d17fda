import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { adminGuard } from './admin.guard';
import { AdminShellPage } from './shell/admin-shell.page';
import { AdminOrganizationsPage } from './organizations/admin-organizations.page';
import { AdminUsersPage } from './users/admin-users.page';

/** Mounted at /admin by the shell (lazy, signed-in users); administrators only. */
export const adminRoutes: Route[] = [
  {
    path: '',
    canActivate: [adminGuard],
    providers: [provideTranslocoScope('admin')],
    component: AdminShellPage,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      { path: 'users', component: AdminUsersPage, title: 'nav.admin' },
      { path: 'organizations', component: AdminOrganizationsPage, title: 'nav.admin' },
    ],
  },
];
