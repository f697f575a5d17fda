import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthService, LanguageService, territoryName } from '@convergence/web/core';
import { WelcomeCard, type WelcomeCardTerritory } from '@convergence/web/ui';

/** Who is signed in, for which organisation and territory. */
@Component({
  selector: 'cv-home-page',
  imports: [WelcomeCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (user(); as user) {
      <cv-welcome-card
        [displayName]="user.displayName"
        [role]="user.role"
        [organizationName]="user.organization.name"
        [organizationKind]="user.organization.kind"
        [territory]="territory()"
      />
    }
  `,
})
export default class HomePage {
  private readonly language = inject(LanguageService);
  protected readonly user = inject(AuthService).user;

  protected readonly territory = computed<WelcomeCardTerritory | null>(() => {
    const territory = this.user()?.organization.territory;
    return territory
      ? { name: territoryName(territory, this.language.locale()), kind: territory.kind }
      : null;
  });
}
