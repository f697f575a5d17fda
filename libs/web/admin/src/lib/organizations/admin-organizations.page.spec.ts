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
import { adminRoutes } from '../admin.routes';
import type { AdminOrganizationRowFragment } from '../data-access/generated';
import {
  ADMIN,
  badUserInput,
  conflict,
  LYDEC,
  MINISTRY,
  organization,
  SAO_CS,
} from '../testing/admin-fixtures';

const REGIONS = [
  {
    __typename: 'Territory',
    code: '06',
    kind: 'REGION',
    nameFr: 'Casablanca-Settat',
    nameAr: 'الدار البيضاء-سطات',
  },
  { __typename: 'Territory', code: '07', kind: 'REGION', nameFr: 'Marrakech-Safi', nameAr: 'مراكش-آسفي' },
];

describe('/admin/organizations', () => {
  let api: FakeApi;
  let organizations: () => FakeResponse;
  let mutation: (request: FakeRequest) => FakeResponse;

  beforeEach(() => {
    localStorage.clear();
    organizations = () => ({ data: { organizations: [SAO_CS, MINISTRY, LYDEC] } });
    mutation = () => new Error('no mutation expected');
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'AdminOrganizations':
          return organizations();
        case 'Territories':
          return { data: { territories: request.variables['parentCode'] ? [] : REGIONS } };
        case 'AdminCreateOrganization':
        case 'AdminUpdateOrganization':
          return mutation(request);
        default:
          return new Error(`unexpected ${request.operationName}`);
      }
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin', children: adminRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
  });

  async function open(url = '/admin/organizations') {
    TestBed.inject(SessionStore).begin(
      fakeTokens('A1', 'R1'),
      fakeUser({
        id: 'admin-1',
        permissions: ADMIN,
        organization: { ...fakeUser().organization, territory: null },
      }),
    );
    const harness = await RouterTestingHarness.create(url);
    const settle = async () => {
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve));
        harness.fixture.detectChanges();
        await harness.fixture.whenStable();
      }
    };
    await settle();
    const page = () => harness.routeNativeElement as HTMLElement;
    const names = () =>
      Array.from(page().querySelectorAll('tbody th')).map((cell) => cell.textContent?.trim());
    const rowOf = (name: string) =>
      Array.from(page().querySelectorAll<HTMLElement>('tbody tr')).find((row) =>
        row.querySelector('th')?.textContent?.includes(name),
      );
    const button = (label: string, root: HTMLElement = page()) =>
      Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((candidate) =>
        candidate.textContent?.includes(label),
      );
    const panel = () => page().querySelector<HTMLElement>('.cv-admin-panel');
    const inPanel = (label: string) => button(label, panel() ?? page());
    const field = (name: string) => {
      const element = panel()?.querySelector<HTMLInputElement | HTMLSelectElement>(
        `[formcontrolname="${name}"]`,
      );
      if (!element) throw new Error(`no field ${name}`);
      return element;
    };
    const choose = async (element: HTMLInputElement | HTMLSelectElement, value: string) => {
      element.value = value;
      element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
      element.dispatchEvent(new Event('blur'));
      await settle();
    };
    const click = async (element: HTMLElement | undefined) => {
      if (!element) throw new Error('nothing to click');
      element.click();
      await settle();
    };
    return { harness, page, names, rowOf, button, inPanel, panel, field, choose, click, settle };
  }

  it('lists every organisation by name, with its kind and territory (or national)', async () => {
    const { names, rowOf, page } = await open();

    expect(names()).toEqual([LYDEC.name, MINISTRY.name, SAO_CS.name]);
    expect(rowOf('Société Al Omrane')?.textContent).toContain('organizationKind.AL_OMRANE_SUBSIDIARY');
    expect(rowOf('Société Al Omrane')?.textContent).toContain('Casablanca-Settat');
    expect(rowOf('Ministère')?.textContent).toContain('admin.organizations.national');
    expect(page().querySelector('table caption')?.textContent).toContain('admin.organizations.table.caption');
    expect(page().querySelector('nav a[aria-current="page"]')?.textContent).toContain(
      'admin.tabs.organizations',
    );
  });

  it('filters by kind and by name or acronym, whatever the case and accents, as the URL says', async () => {
    const byKind = await open('/admin/organizations?kind=UTILITY');
    expect(byKind.names()).toEqual([LYDEC.name]);

    const search = byKind.page().querySelector<HTMLInputElement>('input[type="search"]');
    if (!search) throw new Error('no search box');
    search.value = 'societe';
    search.dispatchEvent(new Event('input'));
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await byKind.settle();

    expect(TestBed.inject(Router).url).toContain('search=societe');
    expect(byKind.page().textContent).toContain('admin.organizations.emptyFiltered');
    await byKind.click(byKind.button('common.clearFilters'));
    expect(byKind.names()).toHaveLength(3);
  });

  it('creates one with a kind and a territory chosen in the picker', async () => {
    mutation = () => ({
      data: {
        createOrganization: organization({
          id: 'org-new',
          name: 'Agence urbaine de Settat',
          acronym: null,
          kind: 'OTHER_PARTNER',
          territory: SAO_CS.territory,
        }),
      },
    });
    const { button, inPanel, click, panel, field, choose, names, page } = await open();
    await click(button('admin.organizations.new'));
    expect(document.activeElement).toBe(panel()?.querySelector('h3'));

    await choose(field('name'), ' Agence urbaine de Settat ');
    await choose(field('kind'), 'OTHER_PARTNER');
    const region = panel()?.querySelector<HTMLSelectElement>('cv-territory-picker select');
    if (!region) throw new Error('no territory picker');
    await choose(region, '06');
    await click(inPanel('admin.organizationForm.create'));

    expect(api.received('AdminCreateOrganization').map((request) => request.variables)).toEqual([
      {
        input: {
          name: 'Agence urbaine de Settat',
          acronym: null,
          kind: 'OTHER_PARTNER',
          territoryCode: '06',
        },
      },
    ]);
    expect(panel()).toBeNull();
    expect(names()).toContain('Agence urbaine de Settat');
    expect(page().querySelector('.cv-admin-notice')?.textContent).toContain('admin.organizations.created');
  });

  it("requires a name before sending, and shows the api's message under it", async () => {
    mutation = () => badUserInput([{ field: 'name', message: 'Une organisation porte déjà ce nom.' }]);
    const { button, inPanel, click, panel, field, choose } = await open();
    await click(button('admin.organizations.new'));
    await click(inPanel('admin.organizationForm.create'));

    expect(panel()?.textContent).toContain('admin.organizationForm.errors.nameRequired');
    expect(api.received('AdminCreateOrganization')).toHaveLength(0);

    await choose(field('name'), 'LYDEC — Lyonnaise des Eaux de Casablanca');
    await click(inPanel('admin.organizationForm.create'));
    expect(panel()?.querySelector('mat-error')?.textContent).toContain('Une organisation porte déjà ce nom.');
    expect(field('name').value).toBe('LYDEC — Lyonnaise des Eaux de Casablanca');
  });

  it('edits one, sending only what changed; a conflict reloads it and keeps what was typed', async () => {
    const answers: FakeResponse[] = [
      conflict(),
      { data: { updateOrganization: { ...LYDEC, acronym: 'LYD', version: 3 } } },
    ];
    mutation = () => answers.shift() ?? new Error('no more answers');
    const { button, inPanel, click, panel, field, choose, rowOf } = await open();
    await click(button('common.edit', rowOf('Lydec')));
    await choose(field('acronym'), 'LYD');
    organizations = () => ({ data: { organizations: [SAO_CS, MINISTRY, { ...LYDEC, version: 2 }] } });
    await click(inPanel('common.save'));

    expect(panel()?.textContent).toContain('common.updatedMeanwhile');
    expect(field('acronym').value).toBe('LYD');
    await click(inPanel('common.save'));

    expect(api.received('AdminUpdateOrganization').map((request) => request.variables)).toEqual([
      { id: LYDEC.id, version: 1, input: { acronym: 'LYD' } },
      { id: LYDEC.id, version: 2, input: { acronym: 'LYD' } },
    ]);
    expect(panel()).toBeNull();
    expect(rowOf('Lydec')?.textContent).toContain('LYD');
  });

  it("a retry after a conflict sends only what was typed: it keeps the other administrator's changes", async () => {
    const answers: FakeResponse[] = [
      conflict(),
      { data: { updateOrganization: { ...LYDEC, acronym: 'LYD', version: 3 } } },
    ];
    mutation = () => answers.shift() ?? new Error('no more answers');
    const { button, inPanel, click, panel, field, choose, rowOf } = await open();
    await click(button('common.edit', rowOf('Lydec')));
    await choose(field('acronym'), 'LYD');
    // Meanwhile another administrator moved LYDEC to region 07 and changed its kind.
    const moved = organization({
      ...LYDEC,
      kind: 'OTHER_PARTNER',
      version: 2,
      territory: REGIONS[1] as AdminOrganizationRowFragment['territory'],
    });
    organizations = () => ({ data: { organizations: [SAO_CS, MINISTRY, moved] } });
    await click(inPanel('common.save'));

    expect(panel()?.textContent).toContain('common.updatedMeanwhile');
    expect(field('acronym').value).toBe('LYD');
    expect(field('kind').value).toBe('OTHER_PARTNER');
    expect(panel()?.querySelector<HTMLSelectElement>('cv-territory-picker select')?.value).toBe('07');
    await click(inPanel('common.save'));

    expect(api.received('AdminUpdateOrganization').map((request) => request.variables)).toEqual([
      { id: LYDEC.id, version: 1, input: { acronym: 'LYD' } },
      { id: LYDEC.id, version: 2, input: { acronym: 'LYD' } },
    ]);
  });

  it('a retry after a conflict keeps the territory chosen, and takes the fresh values elsewhere', async () => {
    const answers: FakeResponse[] = [
      conflict(),
      { data: { updateOrganization: { ...LYDEC, acronym: 'LYD', territory: REGIONS[1], version: 3 } } },
    ];
    mutation = () => answers.shift() ?? new Error('no more answers');
    const { button, inPanel, click, panel, field, choose, rowOf } = await open();
    await click(button('common.edit', rowOf('Lydec')));
    const region = panel()?.querySelector<HTMLSelectElement>('cv-territory-picker select');
    if (!region) throw new Error('no territory picker');
    await choose(region, '07');
    // Meanwhile another administrator changed the acronym.
    organizations = () => ({
      data: { organizations: [SAO_CS, MINISTRY, { ...LYDEC, acronym: 'LYD', version: 2 }] },
    });
    await click(inPanel('common.save'));

    expect(field('acronym').value).toBe('LYD');
    expect(panel()?.querySelector<HTMLSelectElement>('cv-territory-picker select')?.value).toBe('07');
    await click(inPanel('common.save'));

    expect(api.received('AdminUpdateOrganization').map((request) => request.variables)).toEqual([
      { id: LYDEC.id, version: 1, input: { territoryCode: '07' } },
      { id: LYDEC.id, version: 2, input: { territoryCode: '07' } },
    ]);
  });
});
