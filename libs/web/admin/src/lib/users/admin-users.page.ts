import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, type ParamMap, Router } from '@angular/router';
import { ROLES } from '@convergence/shared/domain';
import { type ApiError, AuthService, toApiError } from '@convergence/web/core';
import { Badge, EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  AdminOrganizationsDocument,
  type AdminOrganizationRowFragment,
  AdminUsersDocument,
  type AdminUserRowFragment,
  type Role,
  type UserFilter,
} from '../data-access/generated';
import { organizationLabel } from '../forms/organization-label';
import { SEARCH_DEBOUNCE_MS } from '../list-settings';
import { UserForm } from './user-form';
import { UserStatusConfirm } from './user-status-confirm';

export const USER_PAGE_SIZE = 25;

/** The list as the URL says: `?search=…&organization=<id>&role=…&active=true|false`. */
export interface UserListQuery {
  readonly search: string;
  readonly organization: string | null;
  readonly role: Role | null;
  readonly active: boolean | null;
}

export function parseUserListQuery(params: ParamMap): UserListQuery {
  const role = ROLES.find((candidate) => candidate === params.get('role')) ?? null;
  const active = params.get('active');
  return {
    search: params.get('search')?.trim() ?? '',
    organization: params.get('organization') || null,
    role,
    active: active === 'true' ? true : active === 'false' ? false : null,
  };
}

function filterOf(query: UserListQuery): UserFilter {
  return {
    ...(query.search ? { search: query.search } : {}),
    ...(query.organization ? { organizationId: query.organization } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.active !== null ? { active: query.active } : {}),
  };
}

type Panel =
  | { readonly kind: 'create' }
  | { readonly kind: 'edit'; readonly user: AdminUserRowFragment }
  | { readonly kind: 'status'; readonly user: AdminUserRowFragment };

interface ListPage {
  readonly rows: readonly AdminUserRowFragment[];
  readonly totalCount: number;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/** An e-mail address cut before "@" and each ".": the places where a line may break (`<wbr>`). */
export function emailParts(email: string): string[] {
  return email.split(/(?=[@.])/);
}

/** /admin/users: every account, searchable and filtered as the URL says; open, change, deactivate. */
@Component({
  selector: 'cv-admin-users-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    Badge,
    EmptyState,
    ErrorPanel,
    Skeleton,
    UserForm,
    UserStatusConfirm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-users.page.html',
  styleUrl: '../admin-list.scss',
})
export class AdminUsersPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  protected readonly roles = ROLES;
  protected readonly label = organizationLabel;
  protected readonly emailParts = emailParts;
  protected readonly selfId = computed(() => this.auth.user()?.id ?? null);

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => parseUserListQuery(this.params()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly filtered = computed(() => Object.keys(filterOf(this.query())).length > 0);

  protected readonly page = signal<ListPage | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly organizations = signal<readonly AdminOrganizationRowFragment[]>([]);
  protected readonly sortedOrganizations = computed(() =>
    [...this.organizations()].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  );
  protected readonly panel = signal<Panel | null>(null);
  /** Which panel is open, for whom: a new version of the same account is the same panel. */
  private readonly panelKey = computed(() => {
    const panel = this.panel();
    return panel && (panel.kind === 'create' ? 'create' : `${panel.kind}:${panel.user.id}`);
  });
  /** The outcome of the last change, announced politely. */
  protected readonly notice = signal<{ readonly key: string; readonly name: string } | null>(null);
  protected readonly searchText = signal('');
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  /** Answers to an older query are dropped: the newest query wins. */
  private request = 0;

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => {
        this.searchText.set(query.search);
        void this.load(query);
      });
    });
    // A panel that opens takes the focus (its heading), so that keyboard users land in it.
    effect(() => {
      if (!this.panelKey()) return;
      afterNextRender(() => this.host.querySelector<HTMLElement>('.cv-admin-panel h3')?.focus(), {
        injector: this.injector,
      });
    });
    void this.loadOrganizations();
    inject(DestroyRef).onDestroy(() => this.cancelSearch());
  }

  // ---- filters (in the URL) ----

  protected typeSearch(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
    this.cancelSearch();
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DEBOUNCE_MS);
  }

  protected applySearch(): void {
    this.cancelSearch();
    if (this.searchText().trim() !== this.query().search)
      this.navigate({ search: this.searchText().trim() || null });
  }

  protected setOrganization(event: Event): void {
    this.navigate({ organization: (event.target as HTMLSelectElement).value || null });
  }

  protected setRole(event: Event): void {
    this.navigate({ role: (event.target as HTMLSelectElement).value || null });
  }

  protected setActive(event: Event): void {
    this.navigate({ active: (event.target as HTMLSelectElement).value || null });
  }

  protected clearFilters(): void {
    this.cancelSearch();
    this.navigate({ search: null, organization: null, role: null, active: null });
  }

  private navigate(params: Record<string, string | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: params,
      queryParamsHandling: 'merge',
    });
  }

  private cancelSearch(): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = null;
  }

  // ---- the list ----

  protected retry(): void {
    void this.load(this.query());
  }

  private async load(query: UserListQuery): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const connection = await this.fetch(filterOf(query), null);
      if (request === this.request) this.page.set(connection);
    } catch (caught) {
      if (request === this.request) this.error.set(toApiError(caught));
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }

  protected async loadMore(): Promise<void> {
    const page = this.page();
    if (!page?.hasNextPage || this.loadingMore()) return;
    const request = this.request;
    this.loadingMore.set(true);
    try {
      const next = await this.fetch(filterOf(this.query()), page.endCursor);
      if (request === this.request) this.page.set({ ...next, rows: [...page.rows, ...next.rows] });
    } catch (caught) {
      if (request === this.request) this.error.set(toApiError(caught));
    } finally {
      this.loadingMore.set(false);
    }
  }

  private async fetch(filter: UserFilter, after: string | null): Promise<ListPage> {
    const result = await firstValueFrom(
      this.apollo.query({
        query: AdminUsersDocument,
        variables: { filter, first: USER_PAGE_SIZE, after },
        fetchPolicy: 'network-only',
      }),
    );
    if (!result.data) throw result.error ?? new Error('users answered no data');
    const { users } = result.data;
    return {
      rows: users.edges.map((edge) => edge.node),
      totalCount: users.totalCount,
      endCursor: users.pageInfo.endCursor,
      hasNextPage: users.pageInfo.hasNextPage,
    };
  }

  private async loadOrganizations(): Promise<void> {
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: AdminOrganizationsDocument, fetchPolicy: 'network-only' }),
      );
      this.organizations.set(result.data?.organizations ?? []);
    } catch {
      // The list of accounts still shows; the selects stay empty and the form says an organisation is required.
    }
  }

  // ---- actions ----

  protected openCreate(): void {
    this.notice.set(null);
    this.panel.set({ kind: 'create' });
  }

  protected openEdit(user: AdminUserRowFragment): void {
    this.notice.set(null);
    this.panel.set({ kind: 'edit', user });
  }

  protected openStatus(user: AdminUserRowFragment): void {
    this.notice.set(null);
    this.panel.set({ kind: 'status', user });
  }

  protected closePanel(): void {
    this.panel.set(null);
  }

  protected created(user: AdminUserRowFragment): void {
    this.panel.set(null);
    this.announce('admin.users.created', user.displayName);
    void this.load(this.query());
  }

  protected saved(user: AdminUserRowFragment): void {
    this.panel.set(null);
    this.replaceRow(user);
    this.announce('admin.users.saved', user.displayName);
  }

  protected statusChanged(user: AdminUserRowFragment): void {
    this.panel.set(null);
    this.replaceRow(user);
    this.announce(user.active ? 'admin.users.reactivated' : 'admin.users.deactivated', user.displayName);
  }

  /**
   * Someone else changed the account first: read it again, so that the form (which keeps what was
   * typed) or the question sends the new version, and the row shows what it now is.
   */
  protected async refetchSubject(): Promise<void> {
    const panel = this.panel();
    if (!panel || panel.kind === 'create') return;
    try {
      const found = await this.fetch({ search: panel.user.email }, null);
      const fresh = found.rows.find((row) => row.id === panel.user.id);
      if (!fresh) return;
      this.replaceRow(fresh);
      const current = this.panel();
      if (current && current.kind !== 'create' && current.user.id === fresh.id) {
        this.panel.set({ ...current, user: fresh });
      }
    } catch {
      // The form already says the account changed; a failed reload leaves it as it was.
    }
  }

  private replaceRow(user: AdminUserRowFragment): void {
    const page = this.page();
    if (!page) return;
    this.page.set({ ...page, rows: page.rows.map((row) => (row.id === user.id ? user : row)) });
  }

  private announce(key: string, name: string): void {
    this.notice.set({ key, name });
  }
}
