import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** An address the app does not know (a mistyped or outdated link). */
@Component({
  selector: 'cv-not-found-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'pages.notFound' | transloco }}</h1>
    <p>{{ 'notFound.hint' | transloco }}</p>
    <a routerLink="/dashboard">{{ 'notFound.toDashboard' | transloco }}</a>
  `,
})
export default class NotFoundPage {}
