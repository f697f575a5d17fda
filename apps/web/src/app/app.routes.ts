import type { Route } from '@angular/router';
import { authGuard, guestGuard } from '@convergence/web/core';

/**
 * Public: /sign-in and /about. Everything else needs a session (authGuard sends visitors to
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
      { path: '', pathMatch: 'full', title: 'home.title', loadComponent: () => import('./home/home.page') },
      { path: '**', redirectTo: '' },
    ],
  },
];
