import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe } from '@convergence/web/core';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { MatButtonModule } from '@angular/material/button';
import { type CommitmentDetailFragment, CommitmentsDocument } from '../data-access/generated';
import { liveQuery } from '../data-access/query-state';
import { DeclareFulfilmentForm } from '../declare/declare-fulfilment-form';
import { CommitmentFigure } from '../shared/commitment-figure';
import { CommitmentRights } from '../shared/commitment-rights';
import { CommitmentStatusBadges } from '../shared/commitment-status';

/** How many of its own commitments an organisation sees here (the rest: the tracker, filtered on it). */
const MY_PAGE_SIZE = 100;

/**
 * "My organisation's commitments": what the user's organisation promised, soonest due first, and the
 * declare-fulfilment form for those it still owes.
 */
@Component({
  selector: 'cv-my-commitments',
  imports: [
    RouterLink,
    MatButtonModule,
    DatePipe,
    EmptyState,
    ErrorPanel,
    Skeleton,
    TranslocoPipe,
    CommitmentFigure,
    CommitmentStatusBadges,
    DeclareFulfilmentForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="cv-mine-title">
      <h2 id="cv-mine-title">{{ 'commitments.mine.title' | transloco }}</h2>
      <p class="cv-intro">
        {{ 'commitments.mine.intro' | transloco: { organization: organization().name } }}
      </p>
      <div class="cv-outcome" role="status">
        @if (lastDeclared(); as title) {
          <p>{{ 'commitments.mine.declared' | transloco: { title } }}</p>
        }
      </div>
      @let state = mine.state();
      @if (state.error; as error) {
        <cv-error-panel [error]="error" [retryable]="true" (retry)="mine.reload()" />
      } @else if (!state.data) {
        <cv-skeleton [lines]="4" />
      } @else if (rows().length === 0) {
        <cv-empty-state
          [title]="'commitments.mine.emptyTitle' | transloco"
          [hint]="'commitments.mine.emptyHint' | transloco"
        />
      } @else {
        @if (total() > rows().length) {
          <p>
            <a [routerLink]="[]" [queryParams]="{ view: null, partner: organization().id }">
              {{ 'commitments.mine.seeAll' | transloco: { count: total() } }}
            </a>
          </p>
        }
        <ul class="cv-items" [attr.aria-busy]="state.loading">
          @for (commitment of rows(); track commitment.id) {
            <li>
              <article class="cv-item" [attr.aria-labelledby]="'cv-mine-' + commitment.id">
                <div class="cv-head">
                  <h3 [id]="'cv-mine-' + commitment.id">
                    <a [routerLink]="['/commitments', commitment.id]">{{ commitment.title }}</a>
                  </h3>
                  <cv-commitment-status
                    [status]="commitment.status"
                    [late]="commitment.late"
                    [dueDate]="commitment.dueDate"
                  />
                </div>
                <p class="cv-terms">
                  <span>{{ 'commitmentKind.' + commitment.kind | transloco }}</span>
                  <span>
                    {{ 'commitments.terms.promised' | transloco }} :
                    <cv-commitment-figure
                      [amount]="commitment.amount"
                      [quantity]="commitment.quantity"
                      [unit]="commitment.quantityUnit"
                    />
                  </span>
                  <span
                    >{{ 'commitments.terms.dueDate' | transloco }} : {{ commitment.dueDate | cvDate }}</span
                  >
                  @if (commitment.convention; as convention) {
                    <span>{{ 'commitments.terms.convention' | transloco }} : {{ convention.code }}</span>
                  }
                </p>
                @if (commitment.status === 'DECLARED') {
                  <p class="cv-waiting">{{ 'commitments.mine.awaitingVerification' | transloco }}</p>
                } @else if (rights.mayDeclare(commitment)) {
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-expanded]="open() === commitment.id"
                    [attr.aria-controls]="'cv-declare-' + commitment.id"
                    (click)="toggle(commitment.id)"
                  >
                    {{ 'commitments.declare.open' | transloco }}
                  </button>
                  <div [id]="'cv-declare-' + commitment.id" class="cv-declare">
                    @if (open() === commitment.id) {
                      <cv-declare-fulfilment-form
                        [commitment]="commitment"
                        (declared)="onDeclared($event)"
                        (stale)="mine.reload()"
                      />
                    }
                  </div>
                }
              </article>
            </li>
          }
        </ul>
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
    .cv-outcome p {
      margin-block: 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .cv-items {
      display: grid;
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .cv-item {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .cv-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .cv-terms {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .cv-waiting {
      margin: 0;
      font-style: italic;
    }
    .cv-declare {
      justify-self: stretch;
    }
  `,
})
export class MyCommitments {
  protected readonly rights = inject(CommitmentRights);

  /** The user's organisation. */
  readonly organization = input.required<{ readonly id: string; readonly name: string }>();

  protected readonly mine = liveQuery(CommitmentsDocument, () => ({
    filter: { organizationId: this.organization().id },
    first: MY_PAGE_SIZE,
    orderBy: { field: 'DUE_DATE' as const, direction: 'ASC' as const },
  }));
  protected readonly rows = computed(() =>
    (this.mine.state().data?.commitments.edges ?? []).map((edge) => edge.node),
  );
  protected readonly total = computed(() => this.mine.state().data?.commitments.totalCount ?? 0);
  /** The commitment whose declare form is open. */
  protected readonly open = signal<string | null>(null);
  protected readonly lastDeclared = signal<string | null>(null);

  protected toggle(id: string): void {
    this.open.update((current) => (current === id ? null : id));
  }

  protected onDeclared(commitment: CommitmentDetailFragment): void {
    this.open.set(null);
    this.lastDeclared.set(commitment.title);
    this.mine.reload();
  }
}
