import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe, LanguageService, territoryName } from '@convergence/web/core';
import { Badge } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { priorityTone } from '../action-rules';
import type { ActionCardFragment } from '../data-access/generated';

/**
 * One action on the board: its title (a link to its page), who must do it, by when, its priority and,
 * when it is late, an "overdue" badge (words and colour). What may be done to it is projected inside.
 */
@Component({
  selector: 'cv-action-card',
  imports: [RouterLink, Badge, DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="cv-action-card" [class.cv-overdue]="action().overdue" [attr.aria-labelledby]="titleId()">
      <h3 class="cv-action-title" [id]="titleId()">
        <a [routerLink]="['/actions', action().id]">{{ action().title }}</a>
      </h3>
      <p class="cv-action-badges">
        <cv-badge [tone]="tone()">{{
          'actions.card.priority'
            | transloco: { priority: ('actionPriority.' + action().priority | transloco) }
        }}</cv-badge>
        @if (action().overdue) {
          <cv-badge tone="danger">
            <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" focusable="false">
              <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5" />
              <path d="M8 4.5V8.5L10.5 10" fill="none" stroke="currentColor" stroke-width="1.5" />
            </svg>
            {{ 'actions.card.overdue' | transloco }}
          </cv-badge>
        }
      </p>
      <dl class="cv-action-facts">
        <div>
          <dt>{{ 'actions.card.responsible' | transloco }}</dt>
          <dd>{{ action().responsibleOrganization.acronym || action().responsibleOrganization.name }}</dd>
        </div>
        <div>
          <dt>{{ 'actions.card.due' | transloco }}</dt>
          <dd>
            <time [attr.datetime]="action().dueDate">{{ action().dueDate | cvDate }}</time>
          </dd>
        </div>
        <div>
          <dt>{{ 'common.territory' | transloco }}</dt>
          <dd>{{ territory() }}</dd>
        </div>
      </dl>
      <ng-content />
    </article>
  `,
  styleUrl: './action-card.scss',
})
export class ActionCard {
  private readonly language = inject(LanguageService);

  readonly action = input.required<ActionCardFragment>();

  protected readonly titleId = computed(() => `cv-action-${this.action().id}`);
  protected readonly tone = computed(() => priorityTone(this.action().priority));
  protected readonly territory = computed(() =>
    territoryName(this.action().territory, this.language.locale()),
  );
}
