import type { Route } from '@angular/router';

/** Mounted at /actions by the shell (lazy, signed-in users). */
export const actionsRoutes: Route[] = [];
