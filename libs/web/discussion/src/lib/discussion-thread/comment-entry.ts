import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  type ApiError,
  applyFieldErrors,
  DatePipe,
  focusFirstInvalid,
  toApiError,
} from '@convergence/web/core';
import { Badge } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  type DiscussionCommentFragment,
  DeleteCommentDocument,
  EditCommentDocument,
} from '../data-access/generated';
import { MAX_COMMENT_LENGTH } from './comment-composer';
import { bodyParts } from './mentions';

/** What became of a comment after a write from this entry. */
export type CommentChange = 'edited' | 'deleted';

let nextId = 0;

/**
 * One comment or reply: author, relative date, "edited", the formal question's deadline or answer,
 * the text with its mentions, or "comment deleted"; and for its author (or a moderator, `canEdit`)
 * editing in place and deleting after a confirmation, both sent with the version read, so that a
 * change made meanwhile comes back as CONFLICT: the entry says so, keeps the text typed, and asks
 * the thread to reload.
 */
@Component({
  selector: 'cv-comment-entry',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    DatePipe,
    Badge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comment-entry.html',
  styleUrl: './comment-entry.scss',
})
export class CommentEntry {
  private readonly apollo = inject(Apollo);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly comment = input.required<DiscussionCommentFragment>();

  readonly changed = output<CommentChange>();
  /** Someone changed the comment meanwhile: the thread reloads it. */
  readonly conflict = output<void>();

  protected readonly ids = `cv-comment-${nextId++}`;
  protected readonly maxLength = MAX_COMMENT_LENGTH;
  protected readonly parts = computed(() => bodyParts(this.comment().body, this.comment().mentions));
  protected readonly overdue = computed(() => {
    const { isQuestion, answeredAt, questionDueAt } = this.comment();
    return isQuestion && !answeredAt && !!questionDueAt && new Date(questionDueAt).getTime() < Date.now();
  });
  protected readonly editing = signal(false);
  protected readonly confirmingDelete = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly editForm = inject(NonNullableFormBuilder).group({
    body: ['', [Validators.required, Validators.maxLength(MAX_COMMENT_LENGTH)]],
  });

  private readonly editArea = viewChild<ElementRef<HTMLTextAreaElement>>('editArea');
  private readonly editDirective = viewChild(FormGroupDirective);
  private readonly editButton = viewChild('editButton', { read: ElementRef<HTMLButtonElement> });
  private readonly deleteButton = viewChild('deleteButton', { read: ElementRef<HTMLButtonElement> });
  private readonly confirmButton = viewChild('confirmButton', { read: ElementRef<HTMLButtonElement> });

  protected startEdit(): void {
    this.error.set(null);
    this.confirmingDelete.set(false);
    this.editForm.reset({ body: this.comment().body });
    this.editing.set(true);
    this.focusAfterRender(this.editArea);
  }

  protected cancelEdit(): void {
    this.editing.set(false);
    this.error.set(null);
    this.focusAfterRender(this.editButton);
  }

  protected async saveEdit(): Promise<void> {
    if (this.busy()) return;
    this.editForm.markAllAsTouched();
    if (this.editForm.invalid) {
      focusFirstInvalid(this.host, this.editForm.controls);
      return;
    }
    const { id, version } = this.comment();
    const body = this.editForm.controls.body.value.trim();
    await this.write('edited', () =>
      firstValueFrom(this.apollo.mutate({ mutation: EditCommentDocument, variables: { id, body, version } })),
    );
  }

  protected askDelete(): void {
    this.error.set(null);
    this.confirmingDelete.set(true);
    this.focusAfterRender(this.confirmButton);
  }

  protected cancelDelete(): void {
    this.confirmingDelete.set(false);
    this.focusAfterRender(this.deleteButton);
  }

  protected async confirmDelete(): Promise<void> {
    if (this.busy()) return;
    const { id, version } = this.comment();
    await this.write('deleted', () =>
      firstValueFrom(this.apollo.mutate({ mutation: DeleteCommentDocument, variables: { id, version } })),
    );
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }

  private async write(change: CommentChange, send: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await send();
      // Pristine, untouched and no longer submitted, for the next edit.
      this.editDirective()?.resetForm();
      this.editing.set(false);
      this.confirmingDelete.set(false);
      this.changed.emit(change);
    } catch (caught) {
      const error = toApiError(caught);
      if (change === 'edited') {
        applyFieldErrors(this.editForm.controls, error.fields);
        focusFirstInvalid(this.host, this.editForm.controls);
      }
      this.error.set(error);
      if (error.code === 'CONFLICT') this.conflict.emit();
    } finally {
      this.busy.set(false);
    }
  }
}
