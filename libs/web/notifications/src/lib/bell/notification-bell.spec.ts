import { TestBed } from '@angular/core/testing';
import { Component } from '@angular/core';
import { provideRouter } from '@angular/router';
import { AuthService, SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  type FakeRequest,
  type FakeResponse,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import ar from '../../i18n/ar.json';
import fr from '../../i18n/fr.json';
import {
  FakeNotificationFeed,
  fakeNotification,
  provideFakeNotificationFeed,
} from '../../testing/fake-notification-feed';
import { NotificationsStore } from '../data-access/notifications.store';
import { NotificationBell } from './notification-bell';

@Component({ template: '' })
class SignInPage {}

describe('NotificationBell', () => {
  let api: FakeApi;
  let feed: FakeNotificationFeed;
  let unread: number;
  let answer: (request: FakeRequest) => FakeResponse | undefined;

  beforeEach(() => {
    localStorage.clear();
    unread = 3;
    answer = () => undefined;
    api = new FakeApi((request) => {
      const custom = answer(request);
      if (custom) return custom;
      switch (request.operationName) {
        case 'UnreadNotificationCount':
          return { data: { unreadNotificationCount: unread } };
        case 'Logout':
          return { data: { logout: true } };
        default:
          return new Error(`Unexpected ${request.operationName}`);
      }
    });
    feed = new FakeNotificationFeed();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'sign-in', component: SignInPage }]),
        provideTranslocoTesting({ fr: { notifications: fr }, ar: { notifications: ar } }),
        provideFakeApi(api),
        provideFakeNotificationFeed(feed),
      ],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(NotificationBell);
    const settle = async () => {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const link = () => element.querySelector<HTMLAnchorElement>('a')!;
    /** The link's accessible name: its text without what is hidden from assistive technology. */
    const name = () => {
      const clone = link().cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return clone.textContent?.replace(/\s+/g, ' ').trim();
    };
    const badge = () => element.querySelector('.cv-bell-badge')?.textContent?.trim() ?? null;
    const status = () => element.querySelector('[role="status"]')!.textContent?.trim();
    return { fixture, settle, link, name, badge, status };
  }

  function signIn(id = 'user-1') {
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser({ id }));
  }

  it('neither counts nor listens while nobody is signed in', async () => {
    const { name } = await render();

    expect(name()).toBe('Notifications');
    expect(api.requests).toHaveLength(0);
    expect(feed.started).toBe(0);
  });

  it('links to the notification centre with the unread count in its name and a badge', async () => {
    signIn();
    const { link, name, badge } = await render();

    expect(link().getAttribute('href')).toBe('/notifications');
    expect(name()).toBe('Notifications, 3 non lues');
    expect(badge()).toBe('3');
    expect(api.received('UnreadNotificationCount')).toHaveLength(1);
    expect(feed.listening).toBe(1);
  });

  it('says so when nothing is unread, without a badge', async () => {
    unread = 0;
    signIn();
    const { name, badge } = await render();

    expect(name()).toBe('Notifications, 0 non lue');
    expect(badge()).toBeNull();
  });

  it('counts a notification arriving live at once and announces it politely', async () => {
    signIn();
    const { settle, name, badge, status } = await render();
    expect(status()).toBe('');

    feed.push(fakeNotification({ title: 'Question sur Lakhyayta' }));
    await settle();

    expect(name()).toBe('Notifications, 4 non lues');
    expect(badge()).toBe('4');
    expect(status()).toBe('Nouvelle notification : Question sur Lakhyayta');
    // Counted from the feed, not asked again.
    expect(api.received('UnreadNotificationCount')).toHaveLength(1);
  });

  it('settles the count with the api once arrivals pause, so a message lost on the way is counted', async () => {
    signIn();
    const { settle, name } = await render();

    // Two notifications were created; only one reached this tab live.
    unread = 5;
    feed.push(fakeNotification({ title: 'Question sur Lakhyayta' }));
    await settle();
    expect(name()).toBe('Notifications, 4 non lues');

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await settle();
    expect(name()).toBe('Notifications, 5 non lues');
    expect(api.received('UnreadNotificationCount')).toHaveLength(2);
  });

  it('follows notifications marked read elsewhere in the app', async () => {
    answer = (request) =>
      request.operationName === 'MarkNotificationsRead'
        ? { data: { markNotificationsRead: request.variables['ids'] ? 1 : 2 } }
        : undefined;
    signIn();
    const { settle, name, badge } = await render();
    const store = TestBed.inject(NotificationsStore);

    await store.markRead(['notification-1']);
    await settle();
    expect(name()).toBe('Notifications, 2 non lues');

    await store.markRead();
    await settle();
    expect(name()).toBe('Notifications, 0 non lue');
    expect(badge()).toBeNull();
    expect(api.received('MarkNotificationsRead').map(({ variables }) => variables)).toEqual([
      { ids: ['notification-1'] },
      { ids: null },
    ]);
  });

  it('shows 99+ in the badge beyond 99, and the exact number in its name', async () => {
    unread = 120;
    signIn();
    const { name, badge } = await render();

    expect(name()).toBe('Notifications, 120 non lues');
    expect(badge()).toBe('99+');
  });

  it('gives the count and announces arrivals in Arabic', async () => {
    signIn();
    const { fixture, settle, name, status } = await render();
    const { TranslocoService } = await import('@jsverse/transloco');
    TestBed.inject(TranslocoService).setActiveLang('ar');
    fixture.detectChanges();
    feed.push(fakeNotification({ title: 'سؤال حول لخيايطة' }));
    await settle();

    expect(name()).toBe('الإشعارات، غير المقروءة: 4');
    expect(status()).toBe('إشعار جديد: سؤال حول لخيايطة');
  });

  it('still leads to the centre when the count cannot be read', async () => {
    unread = 3;
    answer = (request) =>
      request.operationName === 'UnreadNotificationCount' ? new Error('Network down') : undefined;
    signIn();
    const { name, badge, link } = await render();

    expect(name()).toBe('Notifications');
    expect(badge()).toBeNull();
    expect(link().getAttribute('href')).toBe('/notifications');
  });

  it('stops listening on sign-out and listens again, with a fresh count, for the next user', async () => {
    signIn('user-1');
    const { settle, name, status } = await render();
    feed.push(fakeNotification({ title: 'Pour le premier' }));
    await settle();

    await TestBed.inject(AuthService).signOut();
    await settle();
    expect(feed.listening).toBe(0);
    expect(name()).toBe('Notifications');
    expect(status()).toBe('');

    unread = 7;
    signIn('user-2');
    await settle();
    expect(feed.listening).toBe(1);
    expect(feed.started).toBe(2);
    expect(api.received('UnreadNotificationCount')).toHaveLength(2);
    expect(name()).toBe('Notifications, 7 non lues');
  });

  it('recounts when the browser comes back online or the tab is shown again', async () => {
    signIn();
    const { settle, name } = await render();

    unread = 5;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(name()).toBe('Notifications, 5 non lues');

    unread = 6;
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(name()).toBe('Notifications, 6 non lues');
    expect(api.received('UnreadNotificationCount')).toHaveLength(3);
  });

  it('subscribes again and recounts after the feed ends (the socket gave up)', async () => {
    signIn();
    const { settle, name } = await render();
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      unread = 9;
      feed.end();
      expect(feed.listening).toBe(0);

      await jest.advanceTimersByTimeAsync(1_999);
      expect(feed.listening).toBe(0);
      await jest.advanceTimersByTimeAsync(1);
      // Let what Angular scheduled meanwhile run before the real timers come back.
      await jest.advanceTimersByTimeAsync(100);
    } finally {
      jest.useRealTimers();
    }
    await settle();

    expect(feed.listening).toBe(1);
    expect(feed.started).toBe(2);
    expect(name()).toBe('Notifications, 9 non lues');
  });
});
