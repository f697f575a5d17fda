import type { Route } from '@angular/router';
import { authGuard, guestGuard } from '@convergence/web/core';

/**
 * Public: /sign-in and /about. Everything else needs a session; `/` opens the dashboard (authGuard sends visitors to
 * /sign-in?returnUrl=…). Each feature is loaded on first visit. Route titles are translation keys.
 */
export const appRoutes: Route[] = [
  {
    path: 'sign-in',
    canActivate: [guestGuard],
    loadChildren: () => import('@convergence/web/auth').then((m) => m.authRoutes),
  },
  {
    path: 'about',
    loadChildren: () => import('@convergence/web/about').then((m) => m.aboutRoutes),
  },
  {
    path: '',
    canActivateChild: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      { path: 'dashboard', loadChildren: () => import('@convergence/web/dashboard').then((m) => m.dashboardRoutes) },
      { path: 'projects', loadChildren: () => import('@convergence/web/projects').then((m) => m.projectsRoutes) },
      { path: 'commitments', loadChildren: () => import('@convergence/web/commitments').then((m) => m.commitmentsRoutes) },
      { path: 'actions', loadChildren: () => import('@convergence/web/actions').then((m) => m.actionsRoutes) },
      { path: 'forums', loadChildren: () => import('@convergence/web/forums').then((m) => m.forumsRoutes) },
      { path: 'notifications', loadChildren: () => import('@convergence/web/notifications').then((m) => m.notificationsRoutes) },
      { path: 'admin', loadChildren: () => import('@convergence/web/admin').then((m) => m.adminRoutes) },
      { path: '**', title: 'pages.notFound', loadComponent: () => import('./not-found/not-found.page') },
    ],
  },
];
