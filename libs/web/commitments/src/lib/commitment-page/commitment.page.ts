import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe, LanguageService, territoryName } from '@convergence/web/core';
import { AuditHistory, DiscussionThread, FollowButton } from '@convergence/web/discussion';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CommitmentDocument, type CommitmentDetailFragment } from '../data-access/generated';
import { liveQuery } from '../data-access/query-state';
import { DeclareFulfilmentForm } from '../declare/declare-fulfilment-form';
import { remainingOf } from '../model/decimal';
import { CommitmentFigure } from '../shared/commitment-figure';
import { CommitmentRights } from '../shared/commitment-rights';
import { CommitmentStatusBadges } from '../shared/commitment-status';
import { FulfilmentRecord } from '../shared/fulfilment-record';
import { type Verification, VerifyFulfilmentForm } from '../verification/verify-fulfilment-form';

/**
 * /commitments/:id — every term of one commitment, its due-date slips and fulfilment history, the
 * declare or verify action the user may take, and its discussion, followers and audit trail.
 */
@Component({
  selector: 'cv-commitment-page',
  imports: [
    RouterLink,
    DatePipe,
    EmptyState,
    ErrorPanel,
    Skeleton,
    TranslocoPipe,
    AuditHistory,
    DiscussionThread,
    FollowButton,
    CommitmentFigure,
    CommitmentStatusBadges,
    FulfilmentRecord,
    DeclareFulfilmentForm,
    VerifyFulfilmentForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './commitment.page.html',
  styleUrl: './commitment.page.scss',
})
export class CommitmentPage {
  protected readonly rights = inject(CommitmentRights);
  private readonly language = inject(LanguageService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly detail = liveQuery(CommitmentDocument, () => ({ id: this.id() }));
  protected readonly commitment = computed(() => this.detail.state().data?.commitment ?? null);
  /** A denied read looks like a missing one: both say "not found or not yours to see". */
  protected readonly notFound = computed(() => {
    const state = this.detail.state();
    return state.error?.code === 'NOT_FOUND' || (!!state.data && !state.data.commitment);
  });
  protected readonly pendingDeclaration = computed(() => {
    const commitment = this.commitment();
    return commitment
      ? ([...commitment.fulfilments].reverse().find((item) => item.accepted === null) ?? null)
      : null;
  });
  protected readonly remainingAmount = computed(() => {
    const commitment = this.commitment();
    return commitment ? remainingOf(commitment.amount, commitment.fulfilledAmount) : null;
  });
  protected readonly remainingQuantity = computed(() => {
    const commitment = this.commitment();
    return commitment ? remainingOf(commitment.quantity, commitment.fulfilledQuantity) : null;
  });
  protected readonly territory = computed(() => {
    const territory = this.commitment()?.territory;
    return territory ? territoryName(territory, this.language.locale()) : null;
  });

  /** What just happened, announced (role="status"). */
  protected readonly outcome = signal<{ key: string; status?: string } | null>(null);

  protected onDeclared(commitment: CommitmentDetailFragment): void {
    this.outcome.set({ key: 'commitments.detail.declared', status: commitment.status });
    this.detail.reload();
  }

  protected onVerified({ accepted, commitment }: Verification): void {
    this.outcome.set({
      key: accepted ? 'commitments.detail.accepted' : 'commitments.detail.sentBack',
      status: commitment.status,
    });
    this.detail.reload();
  }
}
