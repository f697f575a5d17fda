import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { DATA_ATTRIBUTION, DATA_SOURCES } from './data-sources';

/** Public: what Convergence is, and where its territorial data comes from. */
@Component({
  selector: 'cv-about-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './about.page.html',
  styleUrl: './about.page.scss',
})
export class AboutPage {
  protected readonly isAuthenticated = inject(AuthService).isAuthenticated;
  protected readonly sources = DATA_SOURCES;
  protected readonly attribution = DATA_ATTRIBUTION;
}
