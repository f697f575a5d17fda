import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** /admin: the page heading and the two sections, users and organisations, as sub-routes. */
@Component({
  selector: 'cv-admin-shell-page',
  imports: [RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cv-admin">
      <h1>{{ 'admin.heading' | transloco }}</h1>
      <p class="cv-admin-intro">{{ 'admin.intro' | transloco }}</p>
      <nav class="cv-admin-tabs" [attr.aria-label]="'admin.tabs.label' | transloco">
        <a routerLink="users" routerLinkActive="cv-admin-tab-active" ariaCurrentWhenActive="page">
          {{ 'admin.tabs.users' | transloco }}
        </a>
        <a routerLink="organizations" routerLinkActive="cv-admin-tab-active" ariaCurrentWhenActive="page">
          {{ 'admin.tabs.organizations' | transloco }}
        </a>
      </nav>
      <router-outlet />
    </div>
  `,
  styles: `
    .cv-admin {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1rem;
      padding: 1rem;
      max-inline-size: 80rem;
      margin-inline: auto;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .cv-admin-intro {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .cv-admin-tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .cv-admin-tabs a {
      padding: 0.75rem 1rem;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      border-block-end: 3px solid transparent;
      font: var(--mat-sys-title-small);
    }
    .cv-admin-tabs a:hover {
      color: var(--mat-sys-on-surface);
    }
    .cv-admin-tabs a:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .cv-admin-tabs a.cv-admin-tab-active {
      color: var(--mat-sys-primary);
      border-block-end-color: var(--mat-sys-primary);
    }
  `,
})
export class AdminShellPage {}
