import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { OrganizationKind, Role, TerritoryKind } from '@convergence/shared/domain';
import { TranslocoPipe } from '@jsverse/transloco';

export interface WelcomeCardTerritory {
  /** Already in the reader's language (French or Arabic name). */
  readonly name: string;
  readonly kind: TerritoryKind;
}

/** Who is signed in: name, role, organisation and the territory it is competent for. */
@Component({
  selector: 'cv-welcome-card',
  imports: [MatCardModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './welcome-card.html',
  styleUrl: './welcome-card.scss',
})
export class WelcomeCard {
  readonly displayName = input.required<string>();
  readonly role = input.required<Role>();
  readonly organizationName = input.required<string>();
  readonly organizationKind = input.required<OrganizationKind>();
  /** null: the organisation is competent nationally. */
  readonly territory = input<WelcomeCardTerritory | null>(null);
}
