import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { DELIVERY_MODES, defaultDeliveryMode } from '@convergence/shared/domain';
import { type ApiError, toApiError } from '@convergence/web/core';
import { ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  type DeliveryMode,
  type NotificationChannel,
  type NotificationPreferenceEntryFragment,
  type NotificationPreferenceInput,
  NotificationPreferencesDocument,
  type NotificationType,
  UpdateNotificationPreferencesDocument,
} from '../data-access/generated';

/** Columns, in this order. */
const CHANNELS: readonly NotificationChannel[] = ['IN_APP', 'EMAIL'];

/** What each channel can do: in the app a notification comes at once or not at all. */
const MODES: Readonly<Record<NotificationChannel, readonly DeliveryMode[]>> = {
  IN_APP: ['IMMEDIATE', 'OFF'],
  EMAIL: DELIVERY_MODES,
};

type Key = `${NotificationType}:${NotificationChannel}`;

interface Cell {
  readonly key: Key;
  readonly channel: NotificationChannel;
  readonly id: string;
  readonly modes: readonly DeliveryMode[];
  readonly defaultMode: DeliveryMode;
}

interface Row {
  readonly type: NotificationType;
  readonly cells: readonly Cell[];
}

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready' }
  | { readonly status: 'error'; readonly error: ApiError };

const keyOf = (type: NotificationType, channel: NotificationChannel): Key => `${type}:${channel}`;

function modesOf(entries: readonly NotificationPreferenceEntryFragment[]): ReadonlyMap<Key, DeliveryMode> {
  return new Map(entries.map((entry) => [keyOf(entry.type, entry.channel), entry.mode]));
}

function isDeliveryMode(value: string): value is DeliveryMode {
  return (DELIVERY_MODES as readonly string[]).includes(value);
}

/**
 * How each type of notification reaches the user, per channel: a table of selects (type × channel),
 * saved together. Only what changed is sent; choosing the default makes the api forget the choice.
 */
@Component({
  selector: 'cv-notification-preferences-page',
  imports: [ErrorPanel, MatButtonModule, RouterLink, Skeleton, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-preferences.page.html',
  styleUrl: './notification-preferences.page.scss',
})
export class NotificationPreferencesPage {
  private readonly apollo = inject(Apollo);

  protected readonly channels = CHANNELS;
  protected readonly load = signal<Load>({ status: 'loading' });
  protected readonly loadError = computed(() => {
    const load = this.load();
    return load.status === 'error' ? load.error : null;
  });
  /** As the api last said. */
  private readonly entries = signal<readonly NotificationPreferenceEntryFragment[]>([]);
  private readonly saved = computed(() => modesOf(this.entries()));
  /** As the user chose on this page. */
  protected readonly draft = signal<ReadonlyMap<Key, DeliveryMode>>(new Map());

  protected readonly saving = signal(false);
  protected readonly done = signal<'saved' | 'unchanged' | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  /** The api's message for a choice it refused, by cell. */
  protected readonly fieldErrors = signal<ReadonlyMap<Key, string>>(new Map());

  protected readonly rows = computed((): readonly Row[] => {
    const types = [...new Set(this.entries().map((entry) => entry.type))];
    return types.map((type) => ({
      type,
      cells: CHANNELS.map((channel) => ({
        key: keyOf(type, channel),
        channel,
        id: `cv-pref-${type}-${channel}`,
        modes: MODES[channel],
        defaultMode: defaultDeliveryMode(type, channel),
      })),
    }));
  });

  private readonly changes = computed((): NotificationPreferenceInput[] => {
    const saved = this.saved();
    return this.rows().flatMap((row) =>
      row.cells.flatMap((cell) => {
        const mode = this.draft().get(cell.key);
        return mode && mode !== saved.get(cell.key) ? [{ type: row.type, channel: cell.channel, mode }] : [];
      }),
    );
  });

  constructor() {
    void this.fetch();
  }

  protected async fetch(): Promise<void> {
    this.load.set({ status: 'loading' });
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: NotificationPreferencesDocument, fetchPolicy: 'network-only' }),
      );
      if (!result.data) throw new Error('The api answered without data.');
      this.adopt(result.data.notificationPreferences.entries);
      this.load.set({ status: 'ready' });
    } catch (error) {
      this.load.set({ status: 'error', error: toApiError(error) });
    }
  }

  protected choose(key: Key, value: string): void {
    if (!isDeliveryMode(value)) return;
    this.done.set(null);
    this.draft.update((draft) => new Map(draft).set(key, value));
    this.fieldErrors.update((errors) => {
      if (!errors.has(key)) return errors;
      const rest = new Map(errors);
      rest.delete(key);
      return rest;
    });
  }

  protected restoreDefaults(): void {
    this.done.set(null);
    this.draft.set(
      new Map(this.rows().flatMap((row) => row.cells.map((cell) => [cell.key, cell.defaultMode]))),
    );
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.done.set(null);
    this.saveError.set(null);
    this.fieldErrors.set(new Map());
    const entries = this.changes();
    if (entries.length === 0) {
      this.done.set('unchanged');
      return;
    }
    this.saving.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: UpdateNotificationPreferencesDocument,
          variables: { input: { entries } },
        }),
      );
      if (!result.data) throw new Error('The api answered without data.');
      this.adopt(result.data.updateNotificationPreferences.entries);
      this.done.set('saved');
    } catch (error) {
      // What the user chose stays on screen, with the api's reason next to each refused choice.
      const apiError = toApiError(error);
      this.saveError.set(apiError);
      this.fieldErrors.set(fieldErrorsOf(apiError, entries));
    } finally {
      this.saving.set(false);
    }
  }

  private adopt(entries: readonly NotificationPreferenceEntryFragment[]): void {
    this.entries.set(entries);
    this.draft.set(modesOf(entries));
  }
}

/** `entries.3.mode` (or `entries.3`) names the fourth entry sent. */
function fieldErrorsOf(
  error: ApiError,
  sent: readonly NotificationPreferenceInput[],
): ReadonlyMap<Key, string> {
  const errors = new Map<Key, string>();
  for (const { field, message } of error.fields) {
    const index = /^entries\.(\d+)(?:\.|$)/.exec(field)?.[1];
    const entry = index === undefined ? undefined : sent[Number(index)];
    if (entry) errors.set(keyOf(entry.type, entry.channel), message);
  }
  return errors;
}
