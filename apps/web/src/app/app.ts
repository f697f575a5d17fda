import { Dir } from '@angular/cdk/bidi';
import { ChangeDetectionStrategy, Component, computed, DOCUMENT, inject } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Action, Locale, SubjectName } from '@convergence/shared/domain';
import { AuthService, LanguageService, LanguageSwitcher, PermissionsService } from '@convergence/web/core';
import { LanguageSelect } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

interface NavLink {
  readonly path: string;
  readonly labelKey: string;
  /** Shown only to those who may do this (the api still decides on every request). */
  readonly needs: readonly [Action, SubjectName];
}

const NAV_LINKS: readonly NavLink[] = [
  { path: '/dashboard', labelKey: 'nav.dashboard', needs: ['read', 'Project'] },
  { path: '/projects', labelKey: 'nav.projects', needs: ['read', 'Project'] },
  { path: '/commitments', labelKey: 'nav.commitments', needs: ['read', 'Commitment'] },
  { path: '/actions', labelKey: 'nav.actions', needs: ['read', 'Action'] },
  { path: '/forums', labelKey: 'nav.forums', needs: ['read', 'Forum'] },
  { path: '/admin', labelKey: 'nav.admin', needs: ['manage', 'User'] },
];

/**
 * The shell: skip link, header (brand, navigation, user, language, sign-out) and main content.
 * The root `[dir]` gives CDK's Directionality (and so every Material component, overlays included)
 * the direction of the current language.
 */
@Component({
  selector: 'cv-root',
  imports: [Dir, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet, LanguageSelect, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly auth = inject(AuthService);
  private readonly switcher = inject(LanguageSwitcher);
  private readonly document = inject(DOCUMENT);

  protected readonly language = inject(LanguageService);
  protected readonly user = this.auth.user;
  private readonly permissions = inject(PermissionsService);

  /** The pages of the signed-in user's daily work; signed out, none (About and sign-in stay). */
  protected readonly links = computed(() =>
    this.user() ? NAV_LINKS.filter(({ needs: [action, subject] }) => this.permissions.can(action, subject)) : [],
  );

  protected switchLanguage(locale: Locale): void {
    void this.switcher.switchTo(locale);
  }

  protected signOut(): void {
    void this.auth.signOut();
  }

  /** A plain `href="#main"` would resolve against <base href> and leave the page. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }
}
