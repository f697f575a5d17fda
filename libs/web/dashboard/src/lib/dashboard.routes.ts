import type { Route } from '@angular/router';

/** Mounted at /dashboard by the shell (lazy, signed-in users). */
export const dashboardRoutes: Route[] = [];
