import type { Route } from '@angular/router';

/** Mounted at /admin by the shell (lazy, signed-in users). */
export const adminRoutes: Route[] = [];
