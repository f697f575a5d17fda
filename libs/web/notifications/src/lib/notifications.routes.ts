import type { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/**
 * Mounted at /notifications by the shell (lazy, signed-in users). The pages load on their own:
 * the shell imports the bell from this library, so anything imported here statically would land
 * in the first bundle.
 */
export const notificationsRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope('notifications')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.notifications',
        loadComponent: () =>
          import('./centre/notification-centre.page').then((m) => m.NotificationCentrePage),
      },
      {
        path: 'preferences',
        title: 'pages.notificationPreferences',
        loadComponent: () =>
          import('./preferences/notification-preferences.page').then((m) => m.NotificationPreferencesPage),
      },
    ],
  },
];
