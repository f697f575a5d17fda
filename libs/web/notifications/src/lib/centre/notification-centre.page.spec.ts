import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  type FakeRequest,
  type FakeResponse,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import fr from '../../i18n/fr.json';
import {
  FakeNotificationFeed,
  fakeNotification,
  provideFakeNotificationFeed,
} from '../../testing/fake-notification-feed';
import type { NotificationItem } from '../data-access/notifications.store';
import { notificationsRoutes } from '../notifications.routes';

@Component({ template: '<p>subject page</p>' })
class SubjectPage {}

interface PageAnswer {
  readonly items: readonly NotificationItem[];
  readonly totalCount?: number;
  readonly endCursor?: string | null;
  readonly hasNextPage?: boolean;
}

function page({ items, totalCount, endCursor = null, hasNextPage = false }: PageAnswer): FakeResponse {
  return {
    data: {
      notifications: {
        __typename: 'NotificationConnection',
        totalCount: totalCount ?? items.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
        edges: items.map((node) => ({ __typename: 'NotificationEdge', cursor: `cursor-${node.id}`, node })),
      },
    },
  };
}

describe('NotificationCentrePage', () => {
  let api: FakeApi;
  let feed: FakeNotificationFeed;
  let answerList: (request: FakeRequest) => FakeResponse;
  let answerMark: (request: FakeRequest) => FakeResponse;

  const question = fakeNotification({ id: 'n-question', title: 'Question sur Lakhyayta' });
  const verified = fakeNotification({
    id: 'n-verified',
    type: 'COMMITMENT_VERIFIED',
    title: 'Engagement vérifié',
    body: 'Le ministère a vérifié la réalisation.',
    subjectType: 'COMMITMENT',
    subjectId: 'commitment-7',
    subjectTitle: 'Financement de la voirie',
    readAt: '2026-03-01T10:00:00Z',
    createdAt: '2026-03-01T09:00:00Z',
  });

  beforeEach(() => {
    localStorage.clear();
    answerList = () => page({ items: [question, verified] });
    answerMark = () => ({ data: { markNotificationsRead: 1 } });
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'Notifications':
          return answerList(request);
        case 'UnreadNotificationCount':
          return { data: { unreadNotificationCount: 1 } };
        case 'MarkNotificationsRead':
          return answerMark(request);
        default:
          return new Error(`Unexpected ${request.operationName}`);
      }
    });
    feed = new FakeNotificationFeed();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'notifications', children: notificationsRoutes },
            { path: 'projects/:id', component: SubjectPage },
            { path: 'commitments/:id', component: SubjectPage },
            { path: 'commitments', component: SubjectPage },
            { path: 'actions/:id', component: SubjectPage },
            { path: 'forums/:id', component: SubjectPage },
          ],
          withComponentInputBinding(),
        ),
        provideTranslocoTesting({ fr: { notifications: fr } }),
        provideFakeApi(api),
        provideFakeNotificationFeed(feed),
      ],
    });
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());
  });

  async function open(url = '/notifications') {
    const harness = await RouterTestingHarness.create(url);
    const settle = async () => {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await harness.fixture.whenStable();
    };
    await settle();
    const page = () => harness.routeNativeElement as HTMLElement;
    const items = () => Array.from(page().querySelectorAll<HTMLLIElement>('li.cv-item'));
    const titles = () => items().map((item) => item.querySelector('h2 a')?.textContent?.trim());
    const item = (title: string) =>
      items().find((li) => li.querySelector('h2 a')?.textContent?.trim() === title)!;
    const button = (text: string) =>
      Array.from(page().querySelectorAll<HTMLButtonElement>('button')).find(
        (b) => b.textContent?.trim() === text,
      )!;
    const status = () => page().querySelector('.cv-centre-done')?.textContent?.trim();
    return { harness, settle, page, items, titles, item, button, status };
  }

  it('lists the notifications as the api orders them (newest first), unread ones marked in words', async () => {
    const { page, titles, item } = await open();

    expect(page().querySelector('h1')?.textContent).toContain('Notifications');
    expect(titles()).toEqual(['Question sur Lakhyayta', 'Engagement vérifié']);
    expect(api.received('Notifications')[0].variables).toEqual({ unreadOnly: false, first: 20, after: null });

    const unread = item('Question sur Lakhyayta');
    expect(unread.classList).toContain('cv-item-unread');
    expect(unread.querySelector('cv-badge')?.textContent).toContain('Non lue');
    expect(unread.textContent).toContain('Nadia Bennani pose une question formelle.');
    expect(unread.textContent).toContain('subjectType.PROJECT');
    expect(unread.textContent).toContain('Pôle urbain de Lakhyayta');
    expect(unread.querySelector('time')?.textContent).toContain('il y a 5 minutes');
    expect(unread.querySelector('time')?.getAttribute('datetime')).toBe(question.createdAt);

    const read = item('Engagement vérifié');
    expect(read.classList).not.toContain('cv-item-unread');
    expect(read.textContent).not.toContain('Non lue');
    expect(read.textContent).toContain('subjectType.COMMITMENT');
    expect(read.textContent).not.toContain('Marquer comme lue');
    expect(page().querySelector('a[href="/notifications/preferences"]')?.textContent).toContain(
      'Préférences de notification',
    );
  });

  it('keeps only the unread with ?unread=true, and the checkbox sets or clears it in the URL', async () => {
    const { page, settle } = await open('/notifications?unread=true');
    const checkbox = () => page().querySelector<HTMLInputElement>('mat-checkbox input[type="checkbox"]')!;

    expect(api.received('Notifications')[0].variables).toEqual({ unreadOnly: true, first: 20, after: null });
    expect(checkbox().checked).toBe(true);

    checkbox().click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/notifications');
    expect(api.received('Notifications').at(-1)?.variables).toEqual({
      unreadOnly: false,
      first: 20,
      after: null,
    });

    checkbox().click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/notifications?unread=true');
    expect(api.received('Notifications').at(-1)?.variables['unreadOnly']).toBe(true);
  });

  it('loads the next page from the last cursor and adds it below', async () => {
    const older = fakeNotification({ id: 'n-older', title: 'Action en retard', subjectType: 'ACTION' });
    answerList = (request) =>
      request.variables['after'] === 'cursor-20'
        ? page({ items: [older], totalCount: 3 })
        : page({ items: [question, verified], totalCount: 3, hasNextPage: true, endCursor: 'cursor-20' });
    const { titles, button, settle } = await open();

    button('common.loadMore').click();
    await settle();

    expect(api.received('Notifications')[1].variables).toEqual({
      unreadOnly: false,
      first: 20,
      after: 'cursor-20',
    });
    expect(titles()).toEqual(['Question sur Lakhyayta', 'Engagement vérifié', 'Action en retard']);
    expect(button('common.loadMore')).toBeUndefined();
  });

  it('marks one notification read', async () => {
    const { item, settle, status } = await open();
    const markButton =
      item('Question sur Lakhyayta').querySelector<HTMLButtonElement>('button.cv-item-mark')!;
    expect(markButton.getAttribute('aria-label')).toBe('Marquer comme lue : Question sur Lakhyayta');

    markButton.click();
    await settle();

    expect(api.received('MarkNotificationsRead').map(({ variables }) => variables)).toEqual([
      { ids: ['n-question'] },
    ]);
    expect(item('Question sur Lakhyayta').textContent).not.toContain('Non lue');
    expect(item('Question sur Lakhyayta').classList).not.toContain('cv-item-unread');
    expect(status()).toBe('Notification marquée comme lue.');
  });

  it('marks them all read at once', async () => {
    const other = fakeNotification({ id: 'n-other', title: 'Nouveau commentaire' });
    answerList = () => page({ items: [question, other, verified] });
    const { button, page: element, settle, status } = await open();

    button('Tout marquer comme lu').click();
    await settle();

    expect(api.received('MarkNotificationsRead').map(({ variables }) => variables)).toEqual([{ ids: null }]);
    expect(element().querySelectorAll('.cv-item-unread')).toHaveLength(0);
    expect(status()).toBe('Toutes vos notifications sont marquées comme lues.');
    expect(button('Tout marquer comme lu')).toBeUndefined();
  });

  it("shows the api's message when marking read fails", async () => {
    answerMark = () => ({
      data: null,
      errors: [
        { message: 'Trop de demandes, réessayez dans une minute.', extensions: { code: 'RATE_LIMITED' } },
      ],
    });
    const { item, settle, page: element } = await open();

    item('Question sur Lakhyayta').querySelector<HTMLButtonElement>('button.cv-item-mark')!.click();
    await settle();

    expect(element().querySelector('[role="alert"]')?.textContent).toContain(
      'Trop de demandes, réessayez dans une minute.',
    );
    expect(item('Question sur Lakhyayta').textContent).toContain('Non lue');
  });

  it.each([
    ['PROJECT', 'project-1', '/projects/project-1'],
    ['COMMITMENT', 'commitment-7', '/commitments/commitment-7'],
    ['ACTION', 'action-3', '/actions/action-3'],
    ['FORUM', 'forum-2018', '/forums/forum-2018'],
    ['CONVENTION', 'convention-4', '/commitments?convention=convention-4'],
  ] as const)(
    'opening a notification about a %s marks it read and goes to %s',
    async (subjectType, subjectId, url) => {
      const notification = fakeNotification({ id: 'n-open', title: 'À ouvrir', subjectType, subjectId });
      answerList = () => page({ items: [notification] });
      const { item, settle, harness } = await open();
      const link = item('À ouvrir').querySelector<HTMLAnchorElement>('h2 a')!;
      expect(link.getAttribute('href')).toBe(url);

      link.click();
      await settle();

      expect(TestBed.inject(Router).url).toBe(url);
      expect(harness.routeNativeElement?.textContent).toContain('subject page');
      expect(api.received('MarkNotificationsRead').map(({ variables }) => variables)).toEqual([
        { ids: ['n-open'] },
      ]);
    },
  );

  it('opens a notification already read without marking it again', async () => {
    const { item, settle } = await open();

    item('Engagement vérifié').querySelector<HTMLAnchorElement>('h2 a')!.click();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/commitments/commitment-7');
    expect(api.received('MarkNotificationsRead')).toHaveLength(0);
  });

  it('puts a notification arriving live at the top', async () => {
    const { titles, settle, item } = await open();

    feed.push(fakeNotification({ id: 'n-live', title: 'Mention dans un commentaire' }));
    await settle();

    expect(titles()).toEqual(['Mention dans un commentaire', 'Question sur Lakhyayta', 'Engagement vérifié']);
    expect(item('Mention dans un commentaire').textContent).toContain('Non lue');
  });

  it('says what to do when there is nothing', async () => {
    answerList = () => page({ items: [] });
    const { page: element } = await open();

    expect(element().querySelector('cv-empty-state')?.textContent).toContain(
      "Aucune notification pour l'instant",
    );
    expect(element().querySelector('cv-empty-state')?.textContent).toContain('Suivez un projet');
  });

  it('says so when nothing is unread', async () => {
    answerList = () => page({ items: [] });
    const { page: element } = await open('/notifications?unread=true');

    expect(element().querySelector('cv-empty-state')?.textContent).toContain('Aucune notification non lue');
  });

  it('shows a failed load with a retry that asks again', async () => {
    answerList = () => new Error('Network down');
    const { page: element, settle, titles } = await open();

    expect(element().querySelector('cv-error-panel [role="alert"]')).not.toBeNull();
    answerList = () => page({ items: [question] });
    element().querySelector<HTMLButtonElement>('cv-error-panel button')!.click();
    await settle();

    expect(titles()).toEqual(['Question sur Lakhyayta']);
    expect(api.received('Notifications')).toHaveLength(2);
  });
});
