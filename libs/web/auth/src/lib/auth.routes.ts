import type { Route } from '@angular/router';
import { SignInPage } from './sign-in/sign-in.page';

/** Mounted at /sign-in by the shell (lazy). */
export const authRoutes: Route[] = [{ path: '', component: SignInPage, title: 'signIn.title' }];
