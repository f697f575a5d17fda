import { Dir } from '@angular/cdk/bidi';
import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Locale } from '@convergence/shared/domain';
import { AuthService, LanguageService, LanguageSwitcher } from '@convergence/web/core';
import { LanguageSelect } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

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
