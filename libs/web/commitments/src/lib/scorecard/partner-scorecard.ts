import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe, LocaleFormat, MoneyPipe, NumberPipe } from '@convergence/web/core';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { PartnerScorecardDocument, type PartnerScorecardQuery } from '../data-access/generated';
import { liveQuery } from '../data-access/query-state';

type Score = PartnerScorecardQuery['partnerScorecard'][number];

export interface ScoreRow {
  readonly score: Score;
  /** Accepted fulfilments over all its commitments, 0–100; null when it has none. */
  readonly fulfilmentRate: number | null;
  /** Fulfilled by their due date over (fulfilled + late), 0–100; null when both are 0. */
  readonly onTimeRate: number | null;
}

/** Rates for display only (counts, not money): a percentage of 0–100. */
export function scoreRow(score: Score): ScoreRow {
  return {
    score,
    fulfilmentRate: score.commitmentCount > 0 ? (score.fulfilledCount / score.commitmentCount) * 100 : null,
    onTimeRate: score.onTimeRate === null ? null : score.onTimeRate * 100,
  };
}

/** How each committing organisation keeps its commitments in the territory, most late first. */
@Component({
  selector: 'cv-partner-scorecard',
  imports: [RouterLink, DatePipe, MoneyPipe, NumberPipe, EmptyState, ErrorPanel, Skeleton, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="cv-scorecard-title">
      <h2 id="cv-scorecard-title">{{ 'commitments.scorecard.title' | transloco }}</h2>
      <p class="cv-intro">{{ 'commitments.scorecard.intro' | transloco }}</p>
      @let state = scorecard.state();
      @if (state.error; as error) {
        <cv-error-panel [error]="error" [retryable]="true" (retry)="scorecard.reload()" />
      } @else if (!state.data) {
        <cv-skeleton [lines]="5" />
      } @else if (rows().length === 0) {
        <cv-empty-state
          [title]="'commitments.scorecard.emptyTitle' | transloco"
          [hint]="'commitments.scorecard.emptyHint' | transloco"
        />
      } @else {
        <div
          class="cv-table-scroll"
          role="region"
          tabindex="0"
          [attr.aria-label]="'commitments.scorecard.caption' | transloco"
        >
          <table class="cv-table" [attr.aria-busy]="state.loading">
            <caption class="cv-visually-hidden">
              {{
                'commitments.scorecard.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'commitments.scorecard.organization' | transloco }}</th>
                <th scope="col" class="cv-num">{{ 'commitments.scorecard.commitments' | transloco }}</th>
                <th scope="col" class="cv-num">{{ 'commitments.scorecard.fulfilled' | transloco }}</th>
                <th scope="col" class="cv-num">{{ 'commitments.scorecard.fulfilmentRate' | transloco }}</th>
                <th scope="col" class="cv-num">{{ 'commitments.scorecard.late' | transloco }}</th>
                <th scope="col" class="cv-num">{{ 'commitments.scorecard.onTimeRate' | transloco }}</th>
                <th scope="col" class="cv-num">{{ 'commitments.scorecard.averageDelay' | transloco }}</th>
                <th scope="col" class="cv-num">{{ 'commitments.scorecard.committedAmount' | transloco }}</th>
                <th scope="col" class="cv-num">{{ 'commitments.scorecard.fulfilledAmount' | transloco }}</th>
                <th scope="col">{{ 'commitments.scorecard.lastUpdate' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.score.organization.id) {
                <tr>
                  <th scope="row">
                    <a
                      [routerLink]="[]"
                      [queryParams]="{ view: null, partner: row.score.organization.id, after: null }"
                      queryParamsHandling="merge"
                      [attr.aria-label]="
                        'commitments.scorecard.openCommitments'
                          | transloco: { name: row.score.organization.name }
                      "
                      >{{ row.score.organization.name }}</a
                    >
                  </th>
                  <td class="cv-num">{{ row.score.commitmentCount | cvNumber }}</td>
                  <td class="cv-num">{{ row.score.fulfilledCount | cvNumber }}</td>
                  <td class="cv-num">{{ rate(row.fulfilmentRate) || ('common.notSet' | transloco) }}</td>
                  <td class="cv-num" [class.cv-alert]="row.score.lateCount > 0">
                    {{ row.score.lateCount | cvNumber }}
                  </td>
                  <td class="cv-num">{{ rate(row.onTimeRate) || ('common.notSet' | transloco) }}</td>
                  <td class="cv-num">
                    @if (row.score.averageDelayDays === null) {
                      {{ 'common.notSet' | transloco }}
                    } @else {
                      {{
                        'commitments.scorecard.days'
                          | transloco: { count: (row.score.averageDelayDays | cvNumber: 0) }
                      }}
                    }
                  </td>
                  <td class="cv-num">{{ row.score.committedAmount | cvMoney }}</td>
                  <td class="cv-num">{{ row.score.fulfilledAmount | cvMoney }}</td>
                  <td>{{ row.score.lastUpdateAt | cvDate }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    h2 {
      margin-block: 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .cv-intro {
      margin-block: 0 0.75rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .cv-table-scroll {
      overflow-x: auto;
    }
    .cv-table {
      inline-size: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.5rem;
      text-align: start;
      vertical-align: top;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    thead th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    tbody th {
      font-weight: 500;
    }
    .cv-num {
      text-align: end;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .cv-alert {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class PartnerScorecard {
  private readonly format = inject(LocaleFormat);

  /** The territory the page is scoped to; null: everything the user may read. */
  readonly territoryCode = input<string | null>(null);

  protected readonly scorecard = liveQuery(PartnerScorecardDocument, () => ({
    territoryCode: this.territoryCode(),
  }));
  protected readonly rows = computed(() =>
    (this.scorecard.state().data?.partnerScorecard ?? []).map(scoreRow),
  );

  protected rate(value: number | null): string {
    return value === null ? '' : this.format.percent(value);
  }
}
