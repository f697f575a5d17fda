import { Dir } from '@angular/cdk/bidi';
import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  signal,
  type Type,
} from '@angular/core';
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
 * The shell: skip link, header (brand, navigation, notification bell, user, language, sign-out) and
 * main content.
 * The root `[dir]` gives CDK's Directionality (and so every Material component, overlays included)
 * the direction of the current language.
 */
@Component({
  selector: 'cv-root',
  imports: [
    Dir,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    LanguageSelect,
    NgComponentOutlet,
    TranslocoPipe,
  ],
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
    this.user()
      ? NAV_LINKS.filter(({ needs: [action, subject] }) => this.permissions.can(action, subject))
      : [],
  );

  /**
   * The notification bell, from the notifications library. The router loads that library lazily, so
   * the shell does too (a static import would pull the library into the first bundle): it comes
   * when someone signs in.
   */
  protected readonly bell = signal<Type<unknown> | null>(null);

  constructor() {
    effect(() => {
      if (this.user() && !this.bell()) {
        import('@convergence/web/notifications').then(
          ({ NotificationBell }) => this.bell.set(NotificationBell),
          // Offline at that moment: the navigation still works; the bell comes with the next sign-in.
          () => undefined,
        );
      }
    });
  }

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
