import { computed, DestroyRef, DOCUMENT, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { SessionStore } from '@convergence/web/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom, Observable, Subject, type Subscription } from 'rxjs';
import {
  MarkNotificationsReadDocument,
  NotificationAddedDocument,
  type NotificationItemFragment,
  UnreadNotificationCountDocument,
} from './generated';

export type NotificationItem = NotificationItemFragment;

/** After a live arrival, the count is checked with the api once arrivals pause for this long. */
const RECONCILE_AFTER_MS = 1_000;

/** Waits before subscribing again after the feed ended or failed: 2 s, 4 s, … up to a minute. */
const RESUBSCRIBE_MIN_MS = 2_000;
const RESUBSCRIBE_MAX_MS = 60_000;

/**
 * The signed-in user's unread count and live feed, shared by the toolbar bell and the notification
 * centre. Follows the session by itself: it subscribes to `notificationAdded` when someone signs
 * in and unsubscribes when they sign out (a new user gets a new subscription and a fresh count).
 *
 * The count is refetched whenever the feed may have missed something: after subscribing again,
 * when the browser comes back online, when the tab becomes visible again, and shortly after live
 * arrivals (an arrival counts at once; the api's figure then settles what a message lost on the way
 * or an answer crossing an arrival got wrong). Only the newest request's answer is applied.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(SessionStore);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly document = inject(DOCUMENT);

  private readonly count = signal<number | null>(null);
  private readonly lastArrived = signal<NotificationItem | null>(null);
  private readonly arrived = new Subject<NotificationItem>();

  /** How many notifications are unread; null while unknown (not signed in, or the api did not say). */
  readonly unreadCount = this.count.asReadonly();
  /** The latest notification that arrived live in this session, for the bell's announcement. */
  readonly latest = this.lastArrived.asReadonly();
  /** Every notification arriving live, for the notification centre to put on top. */
  readonly arrivals: Observable<NotificationItem> = this.arrived.asObservable();

  private readonly userId = computed(() => this.session.user()?.id ?? null);
  private followedUser: string | null = null;
  private feed: Subscription | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private reconcileTimer: ReturnType<typeof setTimeout> | null = null;
  /** Numbers each count request: an answer older than the newest request is dropped. */
  private countRequest = 0;
  private retryDelay = RESUBSCRIBE_MIN_MS;
  /** Bumped on every start and stop, so that late answers of an earlier session are dropped. */
  private generation = 0;

  constructor() {
    effect(() => {
      const userId = this.userId();
      untracked(() => this.follow(userId));
    });
    const resync = () => this.resync();
    const whenVisible = () => {
      if (this.document.visibilityState === 'visible') this.resync();
    };
    this.window?.addEventListener('online', resync);
    this.document.addEventListener('visibilitychange', whenVisible);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('online', resync);
      this.document.removeEventListener('visibilitychange', whenVisible);
      this.stop();
    });
  }

  /** Asks the api for the count again (when something may have been missed). */
  resync(): void {
    if (this.followedUser) void this.refreshCount();
  }

  /**
   * Marks the named notifications read, or all of them; resolves with how many changed.
   * The count drops by what the api says changed. Rejects with the api's error.
   */
  async markRead(ids?: readonly string[]): Promise<number> {
    const generation = this.generation;
    const result = await firstValueFrom(
      this.apollo.mutate({
        mutation: MarkNotificationsReadDocument,
        variables: { ids: ids ? [...ids] : null },
      }),
    );
    const changed = result.data?.markNotificationsRead ?? 0;
    if (generation === this.generation) {
      if (ids === undefined) this.count.set(0);
      else this.count.update((count) => (count === null ? count : Math.max(0, count - changed)));
    }
    return changed;
  }

  private follow(userId: string | null): void {
    if (userId === this.followedUser) return;
    this.stop();
    this.followedUser = userId;
    if (userId) this.start();
  }

  private start(): void {
    this.subscribe();
    void this.refreshCount();
  }

  private stop(): void {
    this.generation++;
    this.feed?.unsubscribe();
    this.feed = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.reconcileTimer !== null) clearTimeout(this.reconcileTimer);
    this.reconcileTimer = null;
    this.retryDelay = RESUBSCRIBE_MIN_MS;
    this.count.set(null);
    this.lastArrived.set(null);
  }

  private subscribe(): void {
    const generation = this.generation;
    this.feed = this.apollo
      .subscribe({ query: NotificationAddedDocument, fetchPolicy: 'no-cache' })
      .subscribe({
        next: ({ data, error }) => {
          if (generation !== this.generation) return;
          if (data?.notificationAdded) this.arrive(data.notificationAdded);
          else if (error) this.resubscribeLater(generation);
        },
        error: () => this.resubscribeLater(generation),
        // The socket gave up (api restarted, network gone for long): try again, then recount.
        complete: () => this.resubscribeLater(generation),
      });
  }

  private arrive(notification: NotificationItem): void {
    this.retryDelay = RESUBSCRIBE_MIN_MS;
    if (notification.readAt === null) {
      this.count.update((count) => (count === null ? count : count + 1));
    }
    this.reconcileSoon();
    this.lastArrived.set(notification);
    this.arrived.next(notification);
  }

  private resubscribeLater(generation: number): void {
    // Signed out meanwhile (the socket closes before the session effect runs): nothing to resume.
    if (generation !== this.generation || this.retryTimer !== null || !this.session.user()) return;
    this.feed?.unsubscribe();
    this.feed = null;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(delay * 2, RESUBSCRIBE_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (generation !== this.generation) return;
      this.subscribe();
      void this.refreshCount();
    }, delay);
  }

  /** One count request once a burst of arrivals is over. */
  private reconcileSoon(): void {
    if (this.reconcileTimer !== null) clearTimeout(this.reconcileTimer);
    this.reconcileTimer = setTimeout(() => {
      this.reconcileTimer = null;
      void this.refreshCount();
    }, RECONCILE_AFTER_MS);
  }

  private async refreshCount(): Promise<void> {
    const generation = this.generation;
    const request = ++this.countRequest;
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: UnreadNotificationCountDocument, fetchPolicy: 'no-cache' }),
      );
      const count = result.data?.unreadNotificationCount;
      const newest = generation === this.generation && request === this.countRequest;
      if (newest && typeof count === 'number') this.count.set(count);
    } catch {
      // The bell stays without a number; the next arrival or resync asks again.
    }
  }
}
