import type { Route } from '@angular/router';

/** Mounted at /projects by the shell (lazy, signed-in users). */
export const projectsRoutes: Route[] = [];
