import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { PermissionsService } from '@convergence/web/core';

/**
 * Administrators only (`manage User`, which only they hold). The shell's authGuard has already
 * restored the session; anyone else goes to the dashboard rather than to a page of refusals.
 */
export const adminGuard: CanActivateFn = () =>
  inject(PermissionsService).can('manage', 'User') || inject(Router).createUrlTree(['/dashboard']);
