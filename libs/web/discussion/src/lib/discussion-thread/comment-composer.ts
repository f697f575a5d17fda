import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  type OnDestroy,
  output,
  signal,
  viewChild,
} from '@angular/core';
import {
  type AbstractControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type ApiError, applyFieldErrors, focusFirstInvalid, toApiError } from '@convergence/web/core';
import { QUESTION_ANSWER_DAYS } from '@convergence/shared/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  type AddCommentInput,
  AddCommentDocument,
  MentionCandidatesDocument,
} from '../data-access/generated';
import type { SubjectType } from '../data-access/subject-ref';
import {
  insertMention,
  type MentionPerson,
  type MentionQuery,
  mentionedIds,
  mentionQueryAt,
} from './mentions';

/** The length of a comment the api accepts. */
export const MAX_COMMENT_LENGTH = 5000;
/** How many people the autocomplete offers. */
const CANDIDATES_SHOWN = 8;
/** Wait for a pause in typing before asking the api (ms). */
export const MENTION_SEARCH_DELAY = 150;
/** A refused mention comes back on `mentions`; the names are in the text, so its message goes under the text. */
const FIELD_ALIASES = { mentions: 'body' } as const;

let nextId = 0;

/** Nothing but blanks is no comment. */
function notBlank(control: AbstractControl<string>) {
  return control.value.trim() === '' ? { required: true } : null;
}

/**
 * Writes a comment, or a reply to a thread (`parentId`): the text, with an @mention autocomplete
 * (the people who may read the subject, from `mentionCandidates`), and for a new thread on a subject
 * someone answers for, the "formal question" box. The textarea follows the ARIA pattern of a text
 * box with a list of suggestions: `aria-autocomplete="list"`, the list as a `listbox`, the highlighted
 * option as `aria-activedescendant`; arrows move, Enter or Tab mention, Escape closes.
 */
@Component({
  selector: 'cv-comment-composer',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comment-composer.html',
  styleUrl: './comment-composer.scss',
})
export class CommentComposer implements OnDestroy {
  private readonly apollo = inject(Apollo);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly subjectType = input.required<SubjectType>();
  readonly subjectId = input.required<string>();
  /** The thread this is a reply to; null: a new thread. */
  readonly parentId = input<string | null>(null);
  /** Whether a formal question may be asked here (a new thread on a subject someone answers for). */
  readonly allowQuestion = input(false);
  /** For a reply: the author of the thread, named in the form's label. */
  readonly replyTo = input<string | null>(null);

  readonly posted = output<void>();
  readonly cancelled = output<void>();

  protected readonly ids = `cv-composer-${nextId++}`;
  protected readonly maxLength = MAX_COMMENT_LENGTH;
  protected readonly questionDays = QUESTION_ANSWER_DAYS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    body: ['', [Validators.required, notBlank, Validators.maxLength(MAX_COMMENT_LENGTH)]],
    isQuestion: [false],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly questionError = signal<string | null>(null);

  protected readonly candidates = signal<readonly MentionPerson[]>([]);
  protected readonly active = signal(0);
  /** The name being typed after "@", once the api answered for it. */
  protected readonly searched = signal<string | null>(null);
  protected readonly listOpen = computed(() => this.candidates().length > 0);
  protected readonly activeOptionId = computed(() =>
    this.listOpen() ? `${this.ids}-option-${this.active()}` : null,
  );

  private readonly textarea = viewChild.required<ElementRef<HTMLTextAreaElement>>('textarea');
  private readonly formDirective = viewChild.required(FormGroupDirective);
  private readonly chosen = signal<readonly MentionPerson[]>([]);
  private query: MentionQuery | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private search = 0;

  ngOnDestroy(): void {
    clearTimeout(this.searchTimer);
  }

  /** After each change of the text or move of the caret: is a name being typed after "@"? */
  protected caretMoved(): void {
    const element = this.textarea().nativeElement;
    const typed = mentionQueryAt(element.value, element.selectionStart ?? element.value.length);
    // Right after a mention already made ("@Youssef Bennani merci"), the writer is not looking for a name.
    const made = typed && this.chosen().some((p) => `${typed.search} `.startsWith(`${p.displayName} `));
    const query = made ? null : typed;
    if (query?.search === this.query?.search && query?.start === this.query?.start) return;
    this.query = query;
    clearTimeout(this.searchTimer);
    this.search++;
    if (!query) {
      this.closeList();
      return;
    }
    this.searchTimer = setTimeout(() => void this.findCandidates(query), MENTION_SEARCH_DELAY);
  }

  protected keydown(event: KeyboardEvent): void {
    if (!this.listOpen()) return;
    const count = this.candidates().length;
    switch (event.key) {
      case 'ArrowDown':
        this.active.update((index) => (index + 1) % count);
        break;
      case 'ArrowUp':
        this.active.update((index) => (index - 1 + count) % count);
        break;
      case 'Enter':
      case 'Tab':
        this.choose(this.candidates()[this.active()]);
        break;
      case 'Escape':
        this.closeList();
        event.stopPropagation();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  /** Puts "@Display Name " in place of what was typed after "@", and remembers whom it names. */
  protected choose(person: MentionPerson): void {
    const query = this.query;
    if (!query) return;
    const element = this.textarea().nativeElement;
    const caret = element.selectionStart ?? element.value.length;
    const next = insertMention(element.value, query, caret, person);
    this.form.controls.body.setValue(next.text);
    this.chosen.update((people) => (people.some((p) => p.id === person.id) ? people : [...people, person]));
    this.query = null;
    this.search++;
    this.closeList();
    element.focus();
    element.setSelectionRange(next.caret, next.caret);
  }

  protected closeList(): void {
    this.candidates.set([]);
    this.searched.set(null);
    this.active.set(0);
  }

  protected cancel(): void {
    this.closeList();
    this.cancelled.emit();
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.closeList();
    this.error.set(null);
    this.questionError.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(this.host, this.form.controls);
      return;
    }
    const body = this.form.controls.body.value.trim();
    const parentId = this.parentId();
    const input: AddCommentInput = {
      subjectType: this.subjectType(),
      subjectId: this.subjectId(),
      body,
      mentions: mentionedIds(body, this.chosen()),
      ...(parentId ? { parentId } : {}),
      ...(this.allowQuestion() && !parentId ? { isQuestion: this.form.controls.isQuestion.value } : {}),
    };
    this.busy.set(true);
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: AddCommentDocument, variables: { input } }));
      // Pristine, untouched and no longer submitted: the empty box is ready, not in error.
      this.formDirective().resetForm();
      this.chosen.set([]);
      this.query = null;
      this.posted.emit();
    } catch (caught) {
      const error = toApiError(caught);
      const { body } = this.form.controls;
      const unplaced = applyFieldErrors({ body }, error.fields, { aliases: FIELD_ALIASES });
      // The box is not a control with an error of its own: its message goes in its hint.
      const question = unplaced.find((problem) => problem.field === 'isQuestion');
      if (question) this.questionError.set(question.message);
      focusFirstInvalid(this.host, { body });
      this.error.set(error);
    } finally {
      this.busy.set(false);
    }
  }

  private async findCandidates(query: MentionQuery): Promise<void> {
    const search = this.search;
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: MentionCandidatesDocument,
          variables: {
            subjectType: this.subjectType(),
            subjectId: this.subjectId(),
            search: query.search,
            first: CANDIDATES_SHOWN,
          },
        }),
      );
      if (search !== this.search) return;
      this.candidates.set(result.data?.mentionCandidates ?? []);
      this.active.set(0);
      this.searched.set(query.search);
    } catch {
      // No suggestions is not an error worth interrupting the writer for: they can go on typing.
      if (search === this.search) this.closeList();
    }
  }
}
