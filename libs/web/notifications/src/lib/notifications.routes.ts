import type { Route } from '@angular/router';

/** Mounted at /notifications by the shell (lazy, signed-in users). */
export const notificationsRoutes: Route[] = [];
