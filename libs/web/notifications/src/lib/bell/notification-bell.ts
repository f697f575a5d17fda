import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { NotificationsStore } from '../data-access/notifications.store';

/**
 * The toolbar's way to the notification centre, with the live unread count: "Notifications, 3 non
 * lues" for screen readers, a badge for the eyes, and a polite announcement of each new arrival.
 * It is in the first bundle: keep it to this component and the small store behind it.
 */
@Component({
  selector: 'cv-notification-bell',
  imports: [RouterLink, RouterLinkActive, TranslocoPipe],
  providers: [provideTranslocoScope('notifications')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="cv-bell" routerLink="/notifications" routerLinkActive="cv-active" ariaCurrentWhenActive="page">
      <svg
        class="cv-bell-icon"
        viewBox="0 0 24 24"
        width="24"
        height="24"
        aria-hidden="true"
        focusable="false"
      >
        <path
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <span class="cv-visually-hidden">
        @switch (count()) {
          @case (null) {
            {{ 'notifications.bell.label' | transloco }}
          }
          @case (0) {
            {{ 'notifications.bell.labelSingular' | transloco: { count: 0 } }}
          }
          @case (1) {
            {{ 'notifications.bell.labelSingular' | transloco: { count: 1 } }}
          }
          @default {
            {{ 'notifications.bell.labelPlural' | transloco: { count: count() } }}
          }
        }
      </span>
      @if (badge(); as badge) {
        <span class="cv-bell-badge" aria-hidden="true">{{ badge }}</span>
      }
    </a>
    <span class="cv-visually-hidden" role="status">
      @if (latest(); as latest) {
        {{ 'notifications.bell.announce' | transloco: { title: latest.title } }}
      }
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .cv-bell {
      position: relative;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      inline-size: 44px;
      block-size: 44px;
      border-radius: 50%;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      &:hover {
        background: color-mix(in srgb, var(--mat-sys-on-surface) 8%, transparent);
      }
      &:focus-visible {
        outline: 3px solid var(--mat-sys-primary);
        outline-offset: 2px;
      }
      &.cv-active {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
    }
    .cv-bell-icon {
      fill: currentColor;
    }
    .cv-bell-badge {
      position: absolute;
      inset-block-start: 2px;
      inset-inline-end: 0;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      box-sizing: border-box;
      min-inline-size: 20px;
      block-size: 20px;
      padding-inline: 5px;
      border-radius: 10px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      font-weight: 700;
    }
  `,
})
export class NotificationBell {
  private readonly store = inject(NotificationsStore);

  protected readonly count = this.store.unreadCount;
  protected readonly latest = this.store.latest;
  /** What the badge shows: nothing when there is nothing unread (or the count is unknown). */
  protected readonly badge = computed(() => {
    const count = this.count();
    if (!count) return null;
    return count > 99 ? '99+' : String(count);
  });
}
