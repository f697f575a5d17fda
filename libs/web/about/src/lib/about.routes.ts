import type { Route } from '@angular/router';
import { AboutPage } from './about/about.page';

/** Mounted at /about by the shell (lazy, public). */
export const aboutRoutes: Route[] = [{ path: '', component: AboutPage, title: 'about.title' }];
