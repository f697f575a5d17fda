import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FakeApi, type FakeRequest, type FakeResponse, provideFakeApi } from '@convergence/web/core/testing';
import { accessibleName, provideDiscussionTranslations, textOf } from '../../testing/discussion-testing';
import type { DiscussionCommentFragment } from '../data-access/generated';
import type { SubjectType } from '../data-access/subject-ref';
import { MENTION_SEARCH_DELAY } from './comment-composer';
import { DiscussionThread } from './discussion-thread';

@Component({
  imports: [DiscussionThread],
  template: `<cv-discussion-thread [subjectType]="subjectType()" subjectId="p1" />`,
})
class Host {
  readonly subjectType = signal<SubjectType>('PROJECT');
}

const person = (id: string, displayName: string) => ({ __typename: 'Person' as const, id, displayName });
const ELU = person('u-elu', 'Fatima Zahra Alaoui');
const SAO = person('u-sao', 'Youssef Bennani');
const SAO_COLLEAGUE = person('u-sao-2', 'Youssef Benjelloun');

type Comment = DiscussionCommentFragment & { __typename: 'Comment' };

function comment(id: string, overrides: Partial<Comment> = {}): Comment {
  return {
    __typename: 'Comment',
    id,
    body: `Texte ${id}`,
    createdAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    editedAt: null,
    deleted: false,
    parentId: null,
    isQuestion: false,
    questionDueAt: null,
    answeredAt: null,
    version: 1,
    canEdit: false,
    author: ELU,
    mentions: [],
    ...overrides,
  };
}

function page(threads: (Comment & { replies?: Comment[] })[], more = false): FakeResponse {
  return {
    data: {
      comments: {
        __typename: 'CommentConnection',
        totalCount: threads.length + (more ? 5 : 0),
        pageInfo: { __typename: 'PageInfo', hasNextPage: more, endCursor: more ? 'c-20' : null },
        edges: threads.map((thread) => ({
          __typename: 'CommentEdge',
          cursor: `c-${thread.id}`,
          node: { replies: [], ...thread },
        })),
      },
    },
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DiscussionThread', () => {
  let api: FakeApi;
  let answers: Record<string, (request: FakeRequest) => FakeResponse>;
  let fixture: ComponentFixture<Host>;
  let host: HTMLElement;

  beforeEach(() => {
    answers = {
      DiscussionComments: () => page([]),
      MentionCandidates: () => ({ data: { mentionCandidates: [SAO, SAO_COLLEAGUE] } }),
      AddComment: (request) => ({
        data: {
          addComment: comment('new', { body: String((request.variables['input'] as { body: string }).body) }),
        },
      }),
    };
    api = new FakeApi((request) => {
      const answer = answers[request.operationName];
      if (!answer) throw new Error(`unexpected ${request.operationName}`);
      return answer(request);
    });
    TestBed.configureTestingModule({ providers: [provideDiscussionTranslations(), provideFakeApi(api)] });
  });

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(Host);
    host = fixture.nativeElement;
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await wait(MENTION_SEARCH_DELAY + 20);
    await fixture.whenStable();
  }

  /** The new-comment form: the last form of the thread. */
  const newForm = () => Array.from(host.querySelectorAll('form')).at(-1) as HTMLFormElement;
  const textareaOf = (form: Element) => form.querySelector('textarea') as HTMLTextAreaElement;
  const buttonNamed = (name: string, within: Element = host) =>
    Array.from(within.querySelectorAll('button')).find(
      (button) => textOf(button) === name,
    ) as HTMLButtonElement;

  async function type(textarea: HTMLTextAreaElement, text: string): Promise<void> {
    textarea.focus();
    textarea.value = text;
    textarea.setSelectionRange(text.length, text.length);
    textarea.dispatchEvent(new Event('input'));
    await settle();
  }

  async function press(target: HTMLElement, key: string): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
    await settle();
    return event;
  }

  async function click(button: HTMLElement): Promise<void> {
    button.click();
    await settle();
  }

  it('invites the first comment when there is none, with a labelled form', async () => {
    await render();

    expect(textOf(host)).toContain('Aucun commentaire pour l');
    expect(textOf(host)).toContain('Lancez la discussion');
    const form = newForm();
    expect(accessibleName(form)).toBe('Nouveau commentaire');
    expect(accessibleName(textareaOf(form))).toBe('Votre commentaire');
    expect(buttonNamed('Publier le commentaire', form).type).toBe('submit');
    const checkbox = form.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(accessibleName(checkbox)).toBe('Poser une question formelle');
    expect(api.received('DiscussionComments')[0].variables).toEqual({
      subjectType: 'PROJECT',
      subjectId: 'p1',
      first: 20,
      after: null,
    });
  });

  it('shows threads oldest first with their replies, authors, "edited", and deleted comments as such', async () => {
    answers['DiscussionComments'] = () =>
      page([
        {
          ...comment('c1', { body: 'Où en est le relogement ?', editedAt: new Date().toISOString() }),
          replies: [comment('r1', { author: SAO, body: 'Les ménages sont relogés.', parentId: 'c1' })],
        },
        {
          ...comment('c2', { deleted: true, body: '' }),
          replies: [comment('r2', { author: SAO, body: 'Réponse conservée', parentId: 'c2' })],
        },
      ]);
    await render();

    const threads = Array.from(host.querySelectorAll('.cv-thread'));
    expect(threads).toHaveLength(2);
    expect(textOf(threads[0])).toContain('Fatima Zahra Alaoui');
    expect(textOf(threads[0])).toContain('il y a 2 heures');
    expect(textOf(threads[0].querySelector('.cv-comment-head'))).toContain('(modifié)');
    expect(textOf(threads[0].querySelector('.cv-comment-body'))).toBe('Où en est le relogement ?');
    expect(textOf(threads[0].querySelector('.cv-replies'))).toContain('Youssef Bennani');
    expect(textOf(threads[0].querySelector('.cv-replies'))).toContain('Les ménages sont relogés.');
    expect(textOf(threads[1])).toContain('Commentaire supprimé');
    expect(textOf(threads[1])).toContain('Réponse conservée');
    // Nobody replies to a deleted comment; one replies to the other thread.
    expect(buttonNamed('Répondre à Fatima Zahra Alaoui', threads[0])).toBeTruthy();
    expect(threads[1].querySelector('[id^="cv-reply-"]')).toBeNull();
  });

  it('posts a comment that mentions someone chosen from the keyboard, then reads the thread again', async () => {
    await render();
    const textarea = textareaOf(newForm());

    await type(textarea, 'Merci @you');
    expect(api.received('MentionCandidates').at(-1)?.variables).toEqual({
      subjectType: 'PROJECT',
      subjectId: 'p1',
      search: 'you',
      first: 8,
    });
    const listbox = host.querySelector('[role="listbox"]') as HTMLElement;
    expect(accessibleName(listbox)).toBe('Personnes à mentionner');
    expect(Array.from(listbox.querySelectorAll('[role="option"]')).map(textOf)).toEqual([
      'Youssef Bennani',
      'Youssef Benjelloun',
    ]);
    expect(textarea.getAttribute('aria-autocomplete')).toBe('list');
    expect(textarea.getAttribute('aria-controls')).toBe(listbox.id);

    const enter = await press(textarea, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(textarea.value).toBe('Merci @Youssef Bennani ');
    expect(host.querySelector('[role="listbox"]')).toBeNull();

    await type(textarea, `${textarea.value}pour le point de situation.`);
    await click(buttonNamed('Publier le commentaire'));

    expect(api.received('AddComment')[0].variables).toEqual({
      input: {
        subjectType: 'PROJECT',
        subjectId: 'p1',
        body: 'Merci @Youssef Bennani pour le point de situation.',
        mentions: ['u-sao'],
        isQuestion: false,
      },
    });
    expect(api.received('DiscussionComments')).toHaveLength(2);
    expect(textareaOf(newForm()).value).toBe('');
    expect(textOf(host.querySelector('.cv-discussion > [role="status"]'))).toBe('Commentaire publié.');
  });

  it('leaves the emptied box ready for the next comment, not in error, after a post', async () => {
    await render();
    const form = newForm();

    await type(textareaOf(form), 'Premier commentaire.');
    await click(buttonNamed('Publier le commentaire', form));

    expect(api.received('AddComment')).toHaveLength(1);
    expect(textareaOf(newForm()).value).toBe('');
    expect(newForm().querySelector('mat-error')).toBeNull();
    expect(newForm().querySelector('.mat-form-field-invalid')).toBeNull();
    expect(textareaOf(newForm()).getAttribute('aria-invalid')).not.toBe('true');
    expect(textOf(newForm())).not.toContain('Écrivez votre commentaire avant de le publier.');

    // Submitting the empty box still says what is missing.
    await click(buttonNamed('Publier le commentaire', newForm()));
    expect(textOf(newForm().querySelector('mat-error'))).toBe(
      'Écrivez votre commentaire avant de le publier.',
    );
    expect(api.received('AddComment')).toHaveLength(1);
  });

  it('moves through the suggestions with the arrows, closes them with Escape, and mentions only names still in the text', async () => {
    await render();
    const textarea = textareaOf(newForm());

    await type(textarea, '@ben');
    const options = () => Array.from(host.querySelectorAll('[role="option"]'));
    expect(options()[0].getAttribute('aria-selected')).toBe('true');
    expect(textarea.getAttribute('aria-activedescendant')).toBe(options()[0].id);

    await press(textarea, 'ArrowDown');
    expect(options()[1].getAttribute('aria-selected')).toBe('true');
    expect(options()[0].getAttribute('aria-selected')).toBe('false');
    expect(textarea.getAttribute('aria-activedescendant')).toBe(options()[1].id);
    await press(textarea, 'ArrowDown');
    expect(textarea.getAttribute('aria-activedescendant')).toBe(options()[0].id);
    await press(textarea, 'ArrowUp');
    expect(textarea.getAttribute('aria-activedescendant')).toBe(options()[1].id);

    const escape = await press(textarea, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(host.querySelector('[role="listbox"]')).toBeNull();
    expect(textarea.hasAttribute('aria-activedescendant')).toBe(false);
    expect(textarea.value).toBe('@ben');

    await type(textarea, '@benj');
    await press(textarea, 'ArrowDown');
    await press(textarea, 'Tab');
    expect(textarea.value).toBe('@Youssef Benjelloun ');

    // The writer erases the mention: nobody is mentioned.
    await type(textarea, 'Finalement, pas de mention.');
    await click(buttonNamed('Publier le commentaire'));
    expect(api.received('AddComment')[0].variables['input']).toMatchObject({ mentions: [] });
  });

  it('asks a formal question, and shows its deadline, or when it was answered', async () => {
    const due = '2026-06-12T10:00:00.000Z';
    answers['DiscussionComments'] = () =>
      page([
        comment('q1', { isQuestion: true, questionDueAt: due, body: 'Quand la livraison ?' }),
        comment('q2', { isQuestion: true, questionDueAt: due, answeredAt: '2026-06-08T09:00:00.000Z' }),
      ]);
    await render();
    const [open, answered] = Array.from(host.querySelectorAll('.cv-thread'));

    expect(textOf(open)).toContain('Question formelle');
    expect(textOf(open)).toMatch(/Réponse attendue avant le 12 juin 2026/);
    expect(textOf(answered)).toContain('Répondue');
    expect(textOf(answered)).toMatch(/Réponse reçue le 8 juin 2026/);
    expect(textOf(answered)).not.toContain('Réponse attendue');

    const form = newForm();
    (form.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await type(textareaOf(form), 'Quel est le calendrier de relogement ?');
    await click(buttonNamed('Publier le commentaire'));

    expect(api.received('AddComment')[0].variables['input']).toMatchObject({
      body: 'Quel est le calendrier de relogement ?',
      isQuestion: true,
    });
    const hint = host.querySelector(
      `#${form.querySelector('input[type="checkbox"]')?.getAttribute('aria-describedby')?.split(' ').at(-1)}`,
    );
    expect(textOf(hint)).toContain('sous 7 jours');
  });

  it('offers no formal question on a forum, where nobody answers for the subject', async () => {
    await render();
    fixture.componentInstance.subjectType.set('FORUM');
    await settle();

    expect(newForm().querySelector('input[type="checkbox"]')).toBeNull();
    expect(api.received('DiscussionComments').at(-1)?.variables['subjectType']).toBe('FORUM');
  });

  it('offers to edit and delete only the comments the api says one may change', async () => {
    answers['DiscussionComments'] = () =>
      page([comment('mine', { canEdit: true }), comment('theirs', { author: SAO, canEdit: false })]);
    await render();
    const [mine, theirs] = Array.from(host.querySelectorAll('.cv-thread'));

    expect(buttonNamed('Modifier', mine)).toBeTruthy();
    expect(buttonNamed('Supprimer', mine)).toBeTruthy();
    expect(buttonNamed('Modifier', theirs)).toBeUndefined();
    expect(buttonNamed('Supprimer', theirs)).toBeUndefined();
  });

  it('edits with the version read, and on CONFLICT says so, reloads and keeps the new text', async () => {
    answers['DiscussionComments'] = () => page([comment('mine', { canEdit: true, version: 3 })]);
    answers['EditComment'] = () => ({
      data: null,
      errors: [{ message: 'Modifié entre-temps.', extensions: { code: 'CONFLICT' } }],
    });
    await render();
    const thread = () => host.querySelector('.cv-thread') as HTMLElement;

    await click(buttonNamed('Modifier', thread()));
    const editArea = thread().querySelector('textarea') as HTMLTextAreaElement;
    expect(accessibleName(editArea)).toBe('Modifier le commentaire');
    expect(editArea.value).toBe('Texte mine');
    await type(editArea, 'Texte revu');
    await click(buttonNamed('Enregistrer', thread()));

    expect(api.received('EditComment')[0].variables).toEqual({ id: 'mine', body: 'Texte revu', version: 3 });
    expect(textOf(thread().querySelector('[role="alert"]'))).toContain(
      "Quelqu'un d'autre a modifié cet élément",
    );
    expect(api.received('DiscussionComments')).toHaveLength(2);
    expect((thread().querySelector('textarea') as HTMLTextAreaElement).value).toBe('Texte revu');

    answers['EditComment'] = () => ({
      data: { editComment: comment('mine', { body: 'Texte revu', version: 4 }) },
    });
    answers['DiscussionComments'] = () =>
      page([
        comment('mine', {
          canEdit: true,
          version: 4,
          body: 'Texte revu',
          editedAt: new Date().toISOString(),
        }),
      ]);
    await click(buttonNamed('Enregistrer', thread()));
    expect(textOf(thread().querySelector('.cv-comment-head'))).toContain('(modifié)');
    expect(textOf(thread().querySelector('.cv-comment-body'))).toBe('Texte revu');
    expect(thread().querySelector('textarea')).toBeNull();

    // Editing again starts from the saved text, not in error.
    await click(buttonNamed('Modifier', thread()));
    expect((thread().querySelector('textarea') as HTMLTextAreaElement).value).toBe('Texte revu');
    expect(thread().querySelector('mat-error')).toBeNull();
  });

  it('refuses an emptied edit without asking the api, and focuses the text', async () => {
    answers['DiscussionComments'] = () => page([comment('mine', { canEdit: true })]);
    await render();
    const thread = () => host.querySelector('.cv-thread') as HTMLElement;

    await click(buttonNamed('Modifier', thread()));
    const editArea = thread().querySelector('textarea') as HTMLTextAreaElement;
    await type(editArea, '');
    (buttonNamed('Enregistrer', thread()) as HTMLButtonElement).focus();
    await click(buttonNamed('Enregistrer', thread()));

    expect(textOf(thread().querySelector('mat-error'))).toBe(
      'Écrivez votre commentaire avant de le publier.',
    );
    expect(document.activeElement).toBe(editArea);
    expect(api.received('EditComment')).toHaveLength(0);
  });

  it('deletes only after a confirmation, sending the version read', async () => {
    answers['DiscussionComments'] = () => page([comment('mine', { canEdit: true, version: 2 })]);
    answers['DeleteComment'] = () => ({
      data: { deleteComment: comment('mine', { deleted: true, body: '' }) },
    });
    await render();
    const thread = () => host.querySelector('.cv-thread') as HTMLElement;

    await click(buttonNamed('Supprimer', thread()));
    expect(api.received('DeleteComment')).toHaveLength(0);
    expect(textOf(thread())).toContain('Supprimer ce commentaire ?');
    expect(document.activeElement).toBe(buttonNamed('Confirmer la suppression', thread()));

    await click(buttonNamed('Annuler', thread()));
    expect(buttonNamed('Confirmer la suppression', thread())).toBeUndefined();
    expect(api.received('DeleteComment')).toHaveLength(0);

    answers['DiscussionComments'] = () => page([comment('mine', { deleted: true, body: '', version: 3 })]);
    await click(buttonNamed('Supprimer', thread()));
    await click(buttonNamed('Confirmer la suppression', thread()));
    expect(api.received('DeleteComment')[0].variables).toEqual({ id: 'mine', version: 2 });
    expect(textOf(thread())).toContain('Commentaire supprimé');
    expect(buttonNamed('Modifier', thread())).toBeUndefined();
  });

  it('replies to a thread', async () => {
    answers['DiscussionComments'] = () => page([comment('c1')]);
    await render();

    const reply = buttonNamed('Répondre à Fatima Zahra Alaoui');
    await click(reply);
    expect(reply.getAttribute('aria-expanded')).toBe('true');
    const form = host.querySelector('.cv-thread form') as HTMLFormElement;
    expect(accessibleName(form)).toBe('Réponse à Fatima Zahra Alaoui');
    expect(accessibleName(textareaOf(form))).toBe('Votre réponse');
    expect(form.querySelector('input[type="checkbox"]')).toBeNull();
    await type(textareaOf(form), 'Je confirme.');
    await click(buttonNamed('Publier la réponse', form));

    expect(api.received('AddComment')[0].variables).toEqual({
      input: { subjectType: 'PROJECT', subjectId: 'p1', body: 'Je confirme.', mentions: [], parentId: 'c1' },
    });
    expect(host.querySelector('.cv-thread form')).toBeNull();

    // A second reply starts from an empty box, not in error.
    await click(buttonNamed('Répondre à Fatima Zahra Alaoui'));
    const again = host.querySelector('.cv-thread form') as HTMLFormElement;
    expect(textareaOf(again).value).toBe('');
    expect(again.querySelector('mat-error')).toBeNull();
  });

  it("shows the api's message under the text and keeps what was typed", async () => {
    answers['AddComment'] = () => ({
      data: null,
      errors: [
        {
          message: 'Données invalides.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'mentions', message: 'Cette personne ne peut pas être mentionnée ici.' }],
          },
        },
      ],
    });
    await render();
    const form = newForm();

    await type(textareaOf(form), 'Bonjour');
    await click(buttonNamed('Publier le commentaire'));

    expect(textOf(form.querySelector('mat-error'))).toBe('Cette personne ne peut pas être mentionnée ici.');
    expect(textOf(form.querySelector('[role="alert"]'))).toBe('Données invalides.');
    expect(textareaOf(form).value).toBe('Bonjour');
    expect(document.activeElement).toBe(textareaOf(form));
  });

  it('refuses an empty comment without asking the api', async () => {
    await render();
    await type(textareaOf(newForm()), '   ');
    await click(buttonNamed('Publier le commentaire'));

    expect(textOf(newForm().querySelector('mat-error'))).toBe(
      'Écrivez votre commentaire avant de le publier.',
    );
    expect(api.received('AddComment')).toHaveLength(0);
  });

  it('loads the next threads on demand', async () => {
    answers['DiscussionComments'] = (request) =>
      request.variables['after'] ? page([comment('c21')]) : page([comment('c1')], true);
    await render();

    await click(buttonNamed('Afficher plus'));

    expect(api.received('DiscussionComments').at(-1)?.variables).toMatchObject({ after: 'c-20', first: 20 });
    expect(host.querySelectorAll('.cv-thread')).toHaveLength(2);
  });

  it('offers to try again when the discussion cannot be read', async () => {
    answers['DiscussionComments'] = () => new TypeError('Failed to fetch');
    await render();
    expect(textOf(host.querySelector('[role="alert"]'))).toContain('Le serveur est injoignable');

    answers['DiscussionComments'] = () => page([comment('c1')]);
    await click(buttonNamed('Réessayer'));
    expect(host.querySelectorAll('.cv-thread')).toHaveLength(1);
  });
});
