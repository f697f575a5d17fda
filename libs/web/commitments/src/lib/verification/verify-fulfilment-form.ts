import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type ApiError, applyFieldErrors, toApiError } from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  type CommitmentDetailFragment,
  type CommitmentFulfilmentItemFragment,
  type CommitmentRowFragment,
  VerifyCommitmentFulfilmentDocument,
} from '../data-access/generated';
import { toHundredths } from '../model/decimal';

export interface Verification {
  readonly accepted: boolean;
  readonly commitment: CommitmentDetailFragment;
}

/**
 * The ministry's second step on a declared fulfilment: accept it (optional note), or send it back to
 * the organisation with the reason (required). On CONFLICT the subject is reloaded by the parent
 * (`stale`) and what was typed stays.
 */
@Component({
  selector: 'cv-verify-fulfilment-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="cv-verify" (submit)="$event.preventDefault()" novalidate [attr.aria-busy]="busy()">
      <p class="cv-outcome">
        {{ 'commitments.verify.outcome' | transloco }}
        <strong>{{ 'commitmentStatus.' + outcome() | transloco }}</strong>
      </p>
      <mat-form-field appearance="outline" class="cv-note-field">
        <mat-label>{{ 'commitments.verify.note' | transloco }}</mat-label>
        <textarea matInput [formControl]="note" rows="2" maxlength="2000"></textarea>
        <mat-hint>{{ 'commitments.verify.noteHint' | transloco }}</mat-hint>
        @if (note.hasError('reasonRequired')) {
          <mat-error>{{ 'commitments.verify.reasonRequired' | transloco }}</mat-error>
        } @else if (note.getError('server'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <div class="cv-alert" role="alert">
        @if (error(); as error) {
          <p>
            @if (error.code === 'CONFLICT') {
              {{ 'common.updatedMeanwhile' | transloco }}
            } @else {
              {{ error.message ?? ('errors.' + error.code | transloco) }}
            }
          </p>
        }
      </div>
      <div class="cv-actions">
        <button mat-flat-button type="button" (click)="verify(true)" [disabled]="busy()" disabledInteractive>
          {{ 'commitments.verify.accept' | transloco }}
        </button>
        <button
          mat-stroked-button
          type="button"
          (click)="verify(false)"
          [disabled]="busy()"
          disabledInteractive
        >
          {{ 'commitments.verify.sendBack' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .cv-verify {
      display: grid;
      gap: 0.5rem;
    }
    .cv-outcome {
      margin: 0;
    }
    .cv-note-field {
      inline-size: 100%;
    }
    .cv-alert p {
      margin: 0;
      color: var(--mat-sys-error);
    }
    .cv-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class VerifyFulfilmentForm {
  private readonly apollo = inject(Apollo);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly commitment = input.required<CommitmentRowFragment>();
  /** The declaration awaiting verification. */
  readonly declaration = input.required<CommitmentFulfilmentItemFragment>();
  readonly verified = output<Verification>();
  /** Someone changed the commitment meanwhile: the parent reloads it. */
  readonly stale = output<void>();

  protected readonly note = new FormControl('', { nonNullable: true });
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  /** What accepting makes of it, as the api decides: complete, or the totals reach the promise. */
  protected readonly outcome = computed(() => {
    const commitment = this.commitment();
    const declaration = this.declaration();
    const reaches = (promised: string | null, fulfilled: string, declared: string | null) =>
      promised === null || toHundredths(fulfilled) + toHundredths(declared ?? '0') >= toHundredths(promised);
    const complete =
      declaration.complete ||
      (reaches(commitment.amount, commitment.fulfilledAmount, declaration.amount) &&
        reaches(commitment.quantity, commitment.fulfilledQuantity, declaration.quantity));
    return complete ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
  });

  protected async verify(accepted: boolean): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    const note = this.note.value.trim();
    this.note.setErrors(null);
    if (!accepted && !note) {
      // The organisation must know what to do next.
      this.note.setErrors({ reasonRequired: true });
      this.note.markAsTouched();
      this.host.querySelector('textarea')?.focus();
      return;
    }
    this.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: VerifyCommitmentFulfilmentDocument,
          variables: {
            input: {
              commitmentId: this.commitment().id,
              version: this.commitment().version,
              accepted,
              note: note || null,
            },
          },
        }),
      );
      if (!result.data) throw new Error('The api answered without data.');
      this.note.reset('');
      this.verified.emit({ accepted, commitment: result.data.verifyCommitmentFulfilment });
    } catch (caught) {
      const error = toApiError(caught);
      applyFieldErrors({ note: this.note }, error.fields);
      this.error.set(error);
      if (error.code === 'CONFLICT') this.stale.emit();
    } finally {
      this.busy.set(false);
    }
  }
}
