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
import { ORGANIZATION_KINDS } from '@convergence/shared/domain';
import { type ApiError, LanguageService, territoryName, toApiError } from '@convergence/web/core';
import { EmptyState, ErrorPanel, Skeleton } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  AdminOrganizationsDocument,
  type AdminOrganizationRowFragment,
  type OrganizationKind,
} from '../data-access/generated';
import { SEARCH_DEBOUNCE_MS } from '../list-settings';
import { OrganizationForm } from './organization-form';

/** Rows shown at first, and added by each "show more". */
export const ORGANIZATION_PAGE_SIZE = 25;

/** The list as the URL says: `?search=…&kind=…`. */
export interface OrganizationListQuery {
  readonly search: string;
  readonly kind: OrganizationKind | null;
}

export function parseOrganizationListQuery(params: ParamMap): OrganizationListQuery {
  return {
    search: params.get('search')?.trim() ?? '',
    kind: ORGANIZATION_KINDS.find((kind) => kind === params.get('kind')) ?? null,
  };
}

/** Letters compared without case or accents: "societe" finds "Société". */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr');
}

type Panel =
  | { readonly kind: 'create' }
  | { readonly kind: 'edit'; readonly organization: AdminOrganizationRowFragment };

/**
 * /admin/organizations: every organisation (a reference list of some tens, read whole and filtered
 * here), with its kind and territory of competence; create and edit.
 */
@Component({
  selector: 'cv-admin-organizations-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    EmptyState,
    ErrorPanel,
    Skeleton,
    OrganizationForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-organizations.page.html',
  styleUrl: '../admin-list.scss',
})
export class AdminOrganizationsPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  protected readonly kinds = ORGANIZATION_KINDS;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => parseOrganizationListQuery(this.params()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly filtered = computed(() => this.query().search !== '' || this.query().kind !== null);

  protected readonly organizations = signal<readonly AdminOrganizationRowFragment[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly shown = signal(ORGANIZATION_PAGE_SIZE);
  protected readonly searchText = signal('');
  protected readonly panel = signal<Panel | null>(null);
  private readonly panelKey = computed(() => {
    const panel = this.panel();
    return panel && (panel.kind === 'create' ? 'create' : `edit:${panel.organization.id}`);
  });
  protected readonly notice = signal<{ readonly key: string; readonly name: string } | null>(null);

  /** What matches the URL's filters, by name. */
  protected readonly matching = computed(() => {
    const { search, kind } = this.query();
    const words = folded(search);
    return [...(this.organizations() ?? [])]
      .filter((o) => !kind || o.kind === kind)
      .filter((o) => !words || folded(`${o.name} ${o.acronym ?? ''}`).includes(words))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  });
  protected readonly rows = computed(() => this.matching().slice(0, this.shown()));

  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => {
        this.searchText.set(query.search);
        this.shown.set(ORGANIZATION_PAGE_SIZE);
      });
    });
    effect(() => {
      if (!this.panelKey()) return;
      afterNextRender(() => this.host.querySelector<HTMLElement>('.cv-admin-panel h3')?.focus(), {
        injector: this.injector,
      });
    });
    void this.load();
    inject(DestroyRef).onDestroy(() => this.cancelSearch());
  }

  protected territoryOf(organization: AdminOrganizationRowFragment): string | null {
    return organization.territory ? territoryName(organization.territory, this.language.locale()) : null;
  }

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

  protected setKind(event: Event): void {
    this.navigate({ kind: (event.target as HTMLSelectElement).value || null });
  }

  protected clearFilters(): void {
    this.cancelSearch();
    this.navigate({ search: null, kind: null });
  }

  protected showMore(): void {
    this.shown.update((count) => count + ORGANIZATION_PAGE_SIZE);
  }

  protected retry(): void {
    void this.load();
  }

  protected openCreate(): void {
    this.notice.set(null);
    this.panel.set({ kind: 'create' });
  }

  protected openEdit(organization: AdminOrganizationRowFragment): void {
    this.notice.set(null);
    this.panel.set({ kind: 'edit', organization });
  }

  protected closePanel(): void {
    this.panel.set(null);
  }

  protected saved(organization: AdminOrganizationRowFragment, created: boolean): void {
    this.panel.set(null);
    this.organizations.update((list) => [
      ...(list ?? []).filter((row) => row.id !== organization.id),
      organization,
    ]);
    this.notice.set({
      key: created ? 'admin.organizations.created' : 'admin.organizations.saved',
      name: organization.name,
    });
  }

  /** Someone else changed it first: read the list again; the form keeps what was typed. */
  protected async refetchSubject(): Promise<void> {
    const panel = this.panel();
    if (panel?.kind !== 'edit') return;
    try {
      const list = await this.fetch();
      this.organizations.set(list);
      const fresh = list.find((row) => row.id === panel.organization.id);
      const current = this.panel();
      if (fresh && current?.kind === 'edit' && current.organization.id === fresh.id) {
        this.panel.set({ kind: 'edit', organization: fresh });
      }
    } catch {
      // The form already says it changed; a failed reload leaves the page as it was.
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.organizations.set(await this.fetch());
    } catch (caught) {
      this.error.set(toApiError(caught));
    } finally {
      this.loading.set(false);
    }
  }

  private async fetch(): Promise<readonly AdminOrganizationRowFragment[]> {
    const result = await firstValueFrom(
      this.apollo.query({ query: AdminOrganizationsDocument, fetchPolicy: 'network-only' }),
    );
    if (!result.data) throw result.error ?? new Error('organizations answered no data');
    return result.data.organizations;
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
}
