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
import { MatRadioModule } from '@angular/material/radio';
import { type ApiError, applyFieldErrors, MoneyPipe, NumberPipe, toApiError } from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  type CommitmentDetailFragment,
  type CommitmentRowFragment,
  DeclareCommitmentFulfilmentDocument,
} from '../data-access/generated';
import { exceeds, isZero, normalizeDecimal, remainingOf } from '../model/decimal';

/** A message of the form: a key of this library's texts (with its values) or the api's own words. */
type FieldProblem =
  | { readonly key: string; readonly params?: Record<string, string> }
  | { readonly message: string };

type FigureField = 'amount' | 'quantity';

/**
 * The committing organisation declares its commitment fulfilled, in full or in part, with the
 * evidence; the ministry then verifies it. Field errors show under their field (the api's included);
 * on CONFLICT the parent reloads the commitment (`stale`) and what was typed stays.
 */
@Component({
  selector: 'cv-declare-fulfilment-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MoneyPipe,
    NumberPipe,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './declare-fulfilment-form.html',
  styleUrl: './declare-fulfilment-form.scss',
})
export class DeclareFulfilmentForm {
  private readonly apollo = inject(Apollo);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly commitment = input.required<CommitmentRowFragment>();
  readonly declared = output<CommitmentDetailFragment>();
  /** Someone changed the commitment meanwhile: the parent reloads it. */
  readonly stale = output<void>();

  protected readonly complete = new FormControl(true, { nonNullable: true });
  protected readonly amount = new FormControl('', { nonNullable: true });
  protected readonly quantity = new FormControl('', { nonNullable: true });
  protected readonly note = new FormControl('', { nonNullable: true });
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  /** Bumped when the problems change, so that OnPush shows them. */
  private readonly problemsShown = signal(0);

  protected readonly remainingAmount = computed(() =>
    remainingOf(this.commitment().amount, this.commitment().fulfilledAmount),
  );
  protected readonly remainingQuantity = computed(() =>
    remainingOf(this.commitment().quantity, this.commitment().fulfilledQuantity),
  );
  /** Without an amount or a quantity, there is no part to tell: only "all of it". */
  protected readonly hasFigures = computed(
    () => this.commitment().amount !== null || this.commitment().quantity !== null,
  );

  protected problemOf(control: FormControl<string>): FieldProblem | null {
    this.problemsShown();
    const problem: unknown = control.getError('problem');
    if (problem && typeof problem === 'object') return problem as FieldProblem;
    // The api's own words, placed by applyFieldErrors.
    const server: unknown = control.getError('server');
    return typeof server === 'string' ? { message: server } : null;
  }

  protected keyOf(problem: FieldProblem): string | null {
    return 'key' in problem ? problem.key : null;
  }

  protected paramsOf(problem: FieldProblem): Record<string, string> {
    return 'params' in problem ? (problem.params ?? {}) : {};
  }

  protected messageOf(problem: FieldProblem): string {
    return 'message' in problem ? problem.message : '';
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    const input = this.validate();
    if (!input) {
      this.problemsShown.update((value) => value + 1);
      this.host
        .querySelector<HTMLElement>('.ng-invalid textarea, textarea.ng-invalid, input.ng-invalid')
        ?.focus();
      return;
    }
    this.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: DeclareCommitmentFulfilmentDocument, variables: { input } }),
      );
      if (!result.data) throw new Error('The api answered without data.');
      this.amount.reset('');
      this.quantity.reset('');
      this.note.reset('');
      this.complete.reset(true);
      this.declared.emit(result.data.declareCommitmentFulfilment);
    } catch (caught) {
      const error = toApiError(caught);
      applyFieldErrors({ amount: this.amount, quantity: this.quantity, note: this.note }, error.fields);
      this.error.set(error);
      if (error.code === 'CONFLICT') this.stale.emit();
    } finally {
      this.busy.set(false);
      this.problemsShown.update((value) => value + 1);
    }
  }

  /** The mutation's input, or null after marking what is wrong under each field. */
  private validate() {
    const commitment = this.commitment();
    const complete = this.hasFigures() ? this.complete.value : true;
    const note = this.note.value.trim();
    let valid = true;
    const fail = (control: FormControl<string>, problem: FieldProblem) => {
      control.setErrors({ problem });
      control.markAsTouched();
      valid = false;
    };
    const figure = (field: FigureField): string | null => {
      const control = this[field];
      control.setErrors(null);
      const promised = field === 'amount' ? commitment.amount : commitment.quantity;
      if (promised === null || control.value.trim() === '') return null;
      const value = normalizeDecimal(control.value);
      if (value === null) {
        fail(control, { key: 'commitments.declare.errors.decimal' });
        return null;
      }
      const remaining = field === 'amount' ? this.remainingAmount() : this.remainingQuantity();
      if (remaining !== null && exceeds(value, remaining)) {
        fail(control, { key: `commitments.declare.errors.exceeds`, params: { max: remaining } });
      }
      return value;
    };

    const amount = figure('amount');
    const quantity = figure('quantity');
    const claimsNothing = [amount, quantity].every((value) => value === null || isZero(value));
    if (!complete && claimsNothing && valid) {
      fail(commitment.amount !== null ? this.amount : this.quantity, {
        key: 'commitments.declare.errors.figureRequired',
      });
    }
    this.note.setErrors(null);
    if (!note) fail(this.note, { key: 'commitments.declare.errors.noteRequired' });
    if (!valid) return null;
    return {
      commitmentId: commitment.id,
      version: commitment.version,
      complete,
      note,
      ...(amount !== null ? { amount } : {}),
      ...(quantity !== null ? { quantity } : {}),
    };
  }
}
