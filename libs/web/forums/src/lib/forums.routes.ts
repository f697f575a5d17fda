import type { Route } from '@angular/router';

/** Mounted at /forums by the shell (lazy, signed-in users). */
export const forumsRoutes: Route[] = [];
