import type { Route } from '@angular/router';

/** Mounted at /commitments by the shell (lazy, signed-in users). */
export const commitmentsRoutes: Route[] = [];
