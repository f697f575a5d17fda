import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { defaultDeliveryMode, NOTIFICATION_CHANNELS, NOTIFICATION_TYPES } from '@convergence/shared/domain';
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
import { FakeNotificationFeed, provideFakeNotificationFeed } from '../../testing/fake-notification-feed';
import type {
  DeliveryMode,
  NotificationChannel,
  NotificationPreferenceEntryFragment,
  NotificationPreferenceInput,
  NotificationType,
} from '../data-access/generated';
import { notificationsRoutes } from '../notifications.routes';

type Choices = Partial<Record<`${NotificationType}:${NotificationChannel}`, DeliveryMode>>;

/** Every type × channel as the api answers: the user's choices, else the defaults. */
function preferences(choices: Choices = {}) {
  return {
    __typename: 'NotificationPreferences',
    entries: NOTIFICATION_TYPES.flatMap((type) =>
      NOTIFICATION_CHANNELS.map((channel): NotificationPreferenceEntryFragment & { __typename: string } => {
        const chosen = choices[`${type}:${channel}`];
        return {
          __typename: 'NotificationPreference',
          type,
          channel,
          mode: chosen ?? defaultDeliveryMode(type, channel),
          isDefault: !chosen,
        };
      }),
    ),
  };
}

describe('NotificationPreferencesPage', () => {
  let api: FakeApi;
  let answerLoad: () => FakeResponse;
  let answerSave: (request: FakeRequest) => FakeResponse;

  beforeEach(() => {
    localStorage.clear();
    answerLoad = () => ({
      data: { notificationPreferences: preferences({ 'COMMENT_ADDED:EMAIL': 'WEEKLY' }) },
    });
    answerSave = (request) => {
      const input = request.variables['input'] as { entries: NotificationPreferenceInput[] };
      const choices: Choices = { 'COMMENT_ADDED:EMAIL': 'WEEKLY' };
      for (const entry of input.entries) choices[`${entry.type}:${entry.channel}`] = entry.mode;
      return { data: { updateNotificationPreferences: preferences(choices) } };
    };
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'NotificationPreferences':
          return answerLoad();
        case 'UpdateNotificationPreferences':
          return answerSave(request);
        case 'UnreadNotificationCount':
          return { data: { unreadNotificationCount: 0 } };
        default:
          return new Error(`Unexpected ${request.operationName}`);
      }
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'notifications', children: notificationsRoutes }]),
        provideTranslocoTesting({ fr: { notifications: fr } }),
        provideFakeApi(api),
        provideFakeNotificationFeed(new FakeNotificationFeed()),
      ],
    });
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());
  });

  async function open() {
    const harness = await RouterTestingHarness.create('/notifications/preferences');
    const settle = async () => {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await harness.fixture.whenStable();
    };
    await settle();
    const page = () => harness.routeNativeElement as HTMLElement;
    const select = (type: NotificationType, channel: NotificationChannel) =>
      page().querySelector<HTMLSelectElement>(`#cv-pref-${type}-${channel}`)!;
    const choose = (type: NotificationType, channel: NotificationChannel, mode: DeliveryMode) => {
      select(type, channel).value = mode;
      select(type, channel).dispatchEvent(new Event('change'));
    };
    /** A select's accessible name, from the headers it is labelled by. */
    const nameOf = (element: HTMLElement) =>
      (element.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => page().querySelector(`#${id}`)?.textContent?.trim())
        .join(' ');
    const button = (text: string) =>
      Array.from(page().querySelectorAll<HTMLButtonElement>('button')).find(
        (b) => b.textContent?.trim() === text,
      )!;
    const save = async () => {
      button('common.save').click();
      await settle();
    };
    const status = () => page().querySelector('.cv-prefs-status')?.textContent?.trim();
    return { harness, settle, page, select, choose, nameOf, button, save, status };
  }

  it('shows every type × channel as a table of labelled selects with the current choices', async () => {
    const { page, select, nameOf } = await open();

    expect(page().querySelector('h1')?.textContent).toContain('Préférences de notification');
    const table = page().querySelector('table')!;
    expect(table.querySelector('caption')?.textContent).toContain('Mode de réception');
    expect(
      Array.from(table.querySelectorAll('thead th')).map((th) => [
        th.getAttribute('scope'),
        th.textContent?.trim(),
      ]),
    ).toEqual([
      ['col', 'Type de notification'],
      ['col', "Dans l'application"],
      ['col', 'Par e-mail'],
    ]);
    const rowHeaders = Array.from(table.querySelectorAll('tbody th'));
    expect(rowHeaders).toHaveLength(NOTIFICATION_TYPES.length);
    expect(rowHeaders.every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    expect(table.querySelectorAll('tbody select')).toHaveLength(NOTIFICATION_TYPES.length * 2);

    expect(nameOf(select('MENTION', 'EMAIL'))).toBe('Mention de votre nom Par e-mail');
    expect(Array.from(select('MENTION', 'IN_APP').options).map((option) => option.value)).toEqual([
      'IMMEDIATE',
      'OFF',
    ]);
    expect(
      Array.from(select('MENTION', 'EMAIL').options).map((option) => option.textContent?.trim()),
    ).toEqual(['Tout de suite (par défaut)', 'Résumé quotidien', 'Résumé hebdomadaire', 'Jamais']);
    expect(select('MENTION', 'EMAIL').value).toBe('IMMEDIATE');
    expect(select('COMMENT_ADDED', 'EMAIL').value).toBe('WEEKLY');
    expect(select('COMMENT_ADDED', 'IN_APP').value).toBe('IMMEDIATE');
  });

  it('saves only what changed and confirms it', async () => {
    const { choose, save, status, select } = await open();

    choose('QUESTION_ASKED', 'IN_APP', 'OFF');
    choose('MENTION', 'EMAIL', 'DAILY');
    choose('COMMENT_ADDED', 'EMAIL', 'WEEKLY'); // as it was
    await save();

    expect(api.received('UpdateNotificationPreferences').map(({ variables }) => variables)).toEqual([
      {
        input: {
          entries: [
            { type: 'MENTION', channel: 'EMAIL', mode: 'DAILY' },
            { type: 'QUESTION_ASKED', channel: 'IN_APP', mode: 'OFF' },
          ],
        },
      },
    ]);
    expect(status()).toBe('Vos préférences de notification sont enregistrées.');
    expect(select('MENTION', 'EMAIL').value).toBe('DAILY');

    await save();
    expect(api.received('UpdateNotificationPreferences')).toHaveLength(1);
    expect(status()).toBe('Aucune modification à enregistrer.');
  });

  it('restores the defaults for what differs from them', async () => {
    const { button, save, settle, select } = await open();

    button('Rétablir les valeurs par défaut').click();
    await settle();
    expect(select('COMMENT_ADDED', 'EMAIL').value).toBe('DAILY');
    await save();

    expect(api.received('UpdateNotificationPreferences')[0].variables).toEqual({
      input: { entries: [{ type: 'COMMENT_ADDED', channel: 'EMAIL', mode: 'DAILY' }] },
    });
  });

  it("puts a refused choice's message next to its select and keeps what was chosen", async () => {
    answerSave = () => ({
      data: null,
      errors: [
        {
          message: 'Certaines valeurs sont invalides.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'entries.1.mode', message: 'Dans l’application : tout de suite ou jamais.' }],
          },
        },
      ],
    });
    const { choose, save, select, page, status } = await open();

    choose('MENTION', 'EMAIL', 'WEEKLY');
    choose('QUESTION_ASKED', 'IN_APP', 'OFF');
    await save();

    const refused = select('QUESTION_ASKED', 'IN_APP');
    expect(refused.getAttribute('aria-invalid')).toBe('true');
    const described = page().querySelector(`#${refused.getAttribute('aria-describedby')}`);
    expect(described?.textContent).toContain('Dans l’application : tout de suite ou jamais.');
    expect(select('MENTION', 'EMAIL').getAttribute('aria-invalid')).toBeNull();
    expect(page().querySelector('cv-error-panel [role="alert"]')?.textContent).toContain(
      'Certaines valeurs sont invalides.',
    );
    expect(refused.value).toBe('OFF');
    expect(select('MENTION', 'EMAIL').value).toBe('WEEKLY');
    expect(status()).toBe('');
  });

  it('shows a failed load with a retry', async () => {
    answerLoad = () => new Error('Network down');
    const { page, settle, select } = await open();

    expect(page().querySelector('table')).toBeNull();
    answerLoad = () => ({ data: { notificationPreferences: preferences() } });
    page().querySelector<HTMLButtonElement>('cv-error-panel button')!.click();
    await settle();

    expect(select('MENTION', 'EMAIL').value).toBe('IMMEDIATE');
  });
});
