import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { DashboardPage } from './dashboard.page';
import { provideDashboardCharts } from './dashboard.providers';

/** Mounted at /dashboard by the shell (lazy, signed-in users). `?territory=<HCP code>`. */
export const dashboardRoutes: Route[] = [
  {
    path: '',
    component: DashboardPage,
    title: 'nav.dashboard',
    providers: [provideTranslocoScope('dashboard'), provideDashboardCharts()],
  },
];
