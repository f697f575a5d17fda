import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe } from '@convergence/web/core';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { VerificationQueueDocument } from '../data-access/generated';
import { liveQuery } from '../data-access/query-state';
import { CommitmentFigure } from '../shared/commitment-figure';
import { CommitmentRights } from '../shared/commitment-rights';
import { FulfilmentRecord } from '../shared/fulfilment-record';
import { type Verification, VerifyFulfilmentForm } from './verify-fulfilment-form';

/** How many declarations the queue shows at once (the oldest first). */
const QUEUE_SIZE = 50;

/** Declared fulfilments awaiting the ministry, oldest first, each with its declaration and the two answers. */
@Component({
  selector: 'cv-verification-queue',
  imports: [
    RouterLink,
    DatePipe,
    EmptyState,
    ErrorPanel,
    Skeleton,
    TranslocoPipe,
    CommitmentFigure,
    FulfilmentRecord,
    VerifyFulfilmentForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cv-queue" aria-labelledby="cv-queue-title">
      <h2 id="cv-queue-title">{{ 'commitments.verification.title' | transloco }}</h2>
      <p class="cv-intro">{{ 'commitments.verification.intro' | transloco }}</p>
      <div class="cv-outcome" role="status">
        @if (lastOutcome(); as outcome) {
          <p>
            {{
              (outcome.accepted ? 'commitments.verification.accepted' : 'commitments.verification.sentBack')
                | transloco: { title: outcome.title }
            }}
          </p>
        }
      </div>
      @let state = queue.state();
      @if (state.error; as error) {
        <cv-error-panel [error]="error" [retryable]="true" (retry)="queue.reload()" />
      } @else if (!state.data) {
        <cv-skeleton [lines]="4" />
      } @else if (items().length === 0) {
        <cv-empty-state
          [title]="'commitments.verification.emptyTitle' | transloco"
          [hint]="'commitments.verification.emptyHint' | transloco"
        />
      } @else {
        <p class="cv-count">{{ 'commitments.verification.count' | transloco: { count: total() } }}</p>
        <ul class="cv-items" [attr.aria-busy]="state.loading">
          @for (item of items(); track item.commitment.id) {
            @let commitment = item.commitment;
            <li>
              <article class="cv-item" [attr.aria-labelledby]="'cv-queue-item-' + commitment.id">
                <h3 [id]="'cv-queue-item-' + commitment.id">
                  <a [routerLink]="['/commitments', commitment.id]">{{ commitment.title }}</a>
                </h3>
                <p class="cv-terms">
                  <span>{{ commitment.organization.name }}</span>
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
                </p>
                <cv-fulfilment-record [fulfilment]="item.declaration" [unit]="commitment.quantityUnit" />
                @if (rights.mayVerify(commitment)) {
                  <cv-verify-fulfilment-form
                    [commitment]="commitment"
                    [declaration]="item.declaration"
                    (verified)="onVerified($event)"
                    (stale)="queue.reload()"
                  />
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
    .cv-intro,
    .cv-count {
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
      gap: 0.75rem;
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
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
  `,
})
export class VerificationQueue {
  protected readonly rights = inject(CommitmentRights);

  /** The territory the page is scoped to; null: everything the user may read. */
  readonly territoryCode = input<string | null>(null);

  protected readonly queue = liveQuery(VerificationQueueDocument, () => ({
    filter: {
      status: ['DECLARED' as const],
      ...(this.territoryCode() ? { territoryCode: this.territoryCode() } : {}),
    },
    first: QUEUE_SIZE,
  }));
  protected readonly lastOutcome = signal<{ accepted: boolean; title: string } | null>(null);

  protected readonly total = computed(() => this.queue.state().data?.commitments.totalCount ?? 0);
  /** Each declared commitment with its declaration awaiting verification (the latest unverified one). */
  protected readonly items = computed(() =>
    (this.queue.state().data?.commitments.edges ?? []).flatMap(({ node }) => {
      const declaration = [...node.fulfilments].reverse().find((fulfilment) => fulfilment.accepted === null);
      return declaration ? [{ commitment: node, declaration }] : [];
    }),
  );

  protected onVerified({ accepted, commitment }: Verification): void {
    this.lastOutcome.set({ accepted, title: commitment.title });
    this.queue.reload();
  }
}
