import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@convergence/shared/domain';
import { CsvExport, SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  type FakeRequest,
  type FakeResponse,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { commitmentsRoutes } from '../commitments.routes';
import {
  commitmentRow,
  connection,
  FILTER_OPTIONS,
  LYDEC_ORG,
  MINISTRY_ORG,
  permissionsFor,
  REGION_ORG,
  REGIONS,
  must,
} from '../testing/fixtures';

type Handler = (request: FakeRequest) => FakeResponse;

const MINISTRY = { role: 'MINISTRY_OFFICIAL' as Role, organizationId: MINISTRY_ORG, regionCode: null };
const ELECTED = { role: 'ELECTED_OFFICIAL' as Role, organizationId: REGION_ORG, regionCode: '06' };
const PARTNER = { role: 'PARTNER_CONTRIBUTOR' as Role, organizationId: LYDEC_ORG, regionCode: null };

describe('CommitmentsPage', () => {
  let api: FakeApi;
  let handlers: Record<string, Handler>;
  let download: jest.Mock;

  function signIn(who: { role: Role; organizationId: string; regionCode: string | null }) {
    TestBed.inject(SessionStore).begin(
      fakeTokens('A1', 'R1'),
      fakeUser({
        role: who.role,
        permissions: permissionsFor(who.role, who.organizationId, who.regionCode),
        organization: {
          __typename: 'Organization',
          id: who.organizationId,
          name: who.organizationId === LYDEC_ORG ? 'Lydec' : 'Organisation',
          acronym: null,
          kind: 'OTHER_PARTNER',
          territory: who.regionCode
            ? {
                __typename: 'Territory',
                code: who.regionCode,
                kind: 'REGION',
                nameFr: 'Casablanca-Settat',
                nameAr: 'الدار البيضاء-سطات',
              }
            : null,
        } as never,
      }),
    );
  }

  beforeEach(() => {
    localStorage.clear();
    download = jest.fn().mockResolvedValue(null);
    handlers = {
      Commitments: () => ({
        data: {
          commitments: connection(
            [
              commitmentRow({ late: true, dueDate: '2020-01-01', status: 'IN_PROGRESS' }),
              commitmentRow({
                id: 'c-2',
                title: 'Apport foncier',
                kind: 'LAND',
                amount: null,
                quantity: '40.00',
                quantityUnit: 'ha',
              }),
            ],
            { totalCount: 27, hasNextPage: true },
          ),
        },
      }),
      CommitmentFilterOptions: () => ({ data: FILTER_OPTIONS }),
      Territories: () => ({ data: { territories: REGIONS } }),
      VerificationQueue: () => ({ data: { commitments: connection([]) } }),
      PartnerScorecard: () => ({ data: { partnerScorecard: [] } }),
    };
    api = new FakeApi((request) => {
      const handler = handlers[request.operationName];
      return handler
        ? handler(request)
        : {
            data: null,
            errors: [{ message: `unexpected ${request.operationName}`, extensions: { code: 'NOT_FOUND' } }],
          };
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'commitments', children: commitmentsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
        { provide: CsvExport, useValue: { download } },
      ],
    });
  });

  async function open(url: string) {
    const harness = await RouterTestingHarness.create(url);
    const page = () => harness.routeNativeElement as HTMLElement;
    const settle = async () => {
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve));
        await harness.fixture.whenStable();
      }
    };
    await settle();
    const text = () => page().textContent ?? '';
    const tabs = () =>
      Array.from(page().querySelectorAll('[mat-tab-link]')).map((tab) => tab.textContent?.trim());
    const url_ = () => TestBed.inject(Router).url;
    return { harness, page, settle, text, tabs, url: url_ };
  }

  it('sends the filters of the URL, and shows the rows with a late badge in words', async () => {
    signIn(MINISTRY);
    const { page, text } = await open(
      '/commitments?territory=06&late=true&status=PLANNED,IN_PROGRESS&partner=org-lydec&dueBefore=2026-12-31&convention=conv-1&forum=forum-1&sort=AMOUNT&dir=DESC',
    );

    expect(api.received('Commitments').at(-1)?.variables).toEqual({
      filter: {
        territoryCode: '06',
        organizationId: LYDEC_ORG,
        status: ['PLANNED', 'IN_PROGRESS'],
        late: true,
        dueBefore: '2026-12-31',
        conventionId: 'conv-1',
        forumId: 'forum-1',
      },
      orderBy: { field: 'AMOUNT', direction: 'DESC' },
      first: 20,
      after: null,
    });
    const rows = page().querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Raccordement au réseau');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/commitments/c-1');
    // Late: said in words, with the number of days.
    expect(rows[0].textContent).toContain('commitments.late.days');
    expect(rows[1].textContent).not.toContain('commitments.late');
    expect(rows[1].textContent).toContain('ha');
    expect(page().querySelector('caption')?.textContent).toContain('commitments.list.caption');
    expect(page().querySelectorAll('thead th[scope="col"]')).toHaveLength(6);
    expect(text()).toContain('common.resultCount');
    // The controls show what the URL says.
    const late = must(page().querySelector<HTMLInputElement>('mat-checkbox input[type="checkbox"]'));
    expect(late.checked).toBe(true);
    const selected = Array.from(
      page().querySelectorAll('[role="listbox"] [role="option"][aria-selected="true"]'),
    );
    expect(selected.map((option) => option.textContent?.trim())).toEqual([
      'commitmentStatus.PLANNED',
      'commitmentStatus.IN_PROGRESS',
    ]);
  });

  it('writes the late filter to the URL and asks only for late commitments', async () => {
    signIn(MINISTRY);
    const { page, settle, url } = await open('/commitments');
    expect(api.received('Commitments')[0].variables['filter']).toEqual({});

    must(page().querySelector<HTMLInputElement>('mat-checkbox input[type="checkbox"]')).click();
    await settle();

    expect(url()).toBe('/commitments?late=true');
    expect(api.received('Commitments').at(-1)?.variables['filter']).toEqual({ late: true });
  });

  it('writes the territory chosen to the URL and scopes the list to it', async () => {
    signIn(MINISTRY);
    const { page, settle, url } = await open('/commitments?late=true');

    const region = must(page().querySelector<HTMLSelectElement>('cv-territory-picker select'));
    const label = page().querySelector(`label[for="${region.id}"]`);
    expect(label?.textContent).toContain('common.region');
    region.value = '06';
    region.dispatchEvent(new Event('change'));
    await settle();

    expect(url()).toBe('/commitments?late=true&territory=06');
    expect(api.received('Commitments').at(-1)?.variables['filter']).toEqual({
      territoryCode: '06',
      late: true,
    });
  });

  it('writes the partner and statuses chosen to the URL, from the first page', async () => {
    signIn(MINISTRY);
    const { page, settle, url } = await open('/commitments?after=cursor-9');

    const partner = must(
      Array.from(page().querySelectorAll<HTMLSelectElement>('cv-commitment-filters select')).find((select) =>
        page()
          .querySelector(`label[for="${select.id}"]`)
          ?.textContent?.includes('commitments.filters.partner'),
      ),
    );
    expect(Array.from(partner.options).map((option) => option.textContent?.trim())).toEqual([
      'common.all',
      'Lydec',
      'Conseil de la Région Casablanca-Settat',
    ]);
    partner.value = LYDEC_ORG;
    partner.dispatchEvent(new Event('change'));
    await settle();
    expect(url()).toBe(`/commitments?partner=${LYDEC_ORG}`);

    const listbox = must(page().querySelector('[role="listbox"]'));
    expect(listbox.getAttribute('aria-label')).toBe('commitments.filters.status');
    const option = must(
      Array.from(listbox.querySelectorAll<HTMLElement>('[role="option"]')).find((o) =>
        o.textContent?.includes('commitmentStatus.DECLARED'),
      ),
    );
    option.click();
    await settle();

    expect(url()).toBe(`/commitments?partner=${LYDEC_ORG}&status=DECLARED`);
    expect(api.received('Commitments').at(-1)?.variables).toMatchObject({
      filter: { organizationId: LYDEC_ORG, status: ['DECLARED'] },
      after: null,
    });
  });

  it('goes to the next page with the cursor, and back', async () => {
    signIn(MINISTRY);
    const { page, settle, url } = await open('/commitments?late=true');
    const button = (key: string) =>
      Array.from(page().querySelectorAll<HTMLButtonElement>('nav button')).find((b) =>
        b.textContent?.includes(key),
      );

    must(button('common.nextPage')).click();
    await settle();
    expect(url()).toBe('/commitments?late=true&after=cursor-end');
    expect(api.received('Commitments').at(-1)?.variables['after']).toBe('cursor-end');

    must(button('common.previousPage')).click();
    await settle();
    expect(url()).toBe('/commitments?late=true');
    expect(api.received('Commitments').at(-1)?.variables['after']).toBeNull();
  });

  it('exports the rows shown: same filter and order, a named CSV file', async () => {
    signIn(MINISTRY);
    const { page, settle, text } = await open('/commitments?territory=06&late=true');

    const exportButton = must(
      Array.from(page().querySelectorAll<HTMLButtonElement>('button')).find((b) =>
        b.textContent?.includes('common.exportCsv'),
      ),
    );
    exportButton.click();
    await settle();

    expect(download).toHaveBeenCalledWith({
      list: 'commitments',
      filter: { territoryCode: '06', late: true },
      orderBy: { field: 'DUE_DATE', direction: 'ASC' },
      fileName: 'engagements-06.csv',
    });
    expect(text()).toContain('commitments.export.done');
  });

  it('says when no commitment matches the filters, and clears them', async () => {
    handlers['Commitments'] = () => ({ data: { commitments: connection([]) } });
    signIn(MINISTRY);
    const { page, settle, text, url } = await open('/commitments?late=true&q=voirie');

    expect(text()).toContain('common.emptyFiltered');
    const clear = Array.from(page().querySelectorAll<HTMLButtonElement>('cv-empty-state button'))[0];
    clear.click();
    await settle();
    expect(url()).toBe('/commitments');
  });

  it('shows the api error with a retry', async () => {
    let failing = true;
    handlers['Commitments'] = () =>
      failing ? new TypeError('Failed to fetch') : { data: { commitments: connection([commitmentRow()]) } };
    signIn(MINISTRY);
    const { page, settle } = await open('/commitments');

    expect(page().querySelector('[role="alert"]')?.textContent).toContain('errors.NETWORK');
    failing = false;
    must(page().querySelector<HTMLButtonElement>('cv-error-panel button')).click();
    await settle();
    expect(page().querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('offers the verification queue to the ministry only', async () => {
    signIn(MINISTRY);
    const ministry = await open('/commitments');
    expect(ministry.tabs()).toEqual([
      'commitments.views.all',
      'commitments.views.verification',
      'commitments.views.scorecard',
      'commitments.views.mine',
    ]);
  });

  it('hides the verification queue from an elected official, even by its URL', async () => {
    signIn(ELECTED);
    const { tabs, page } = await open('/commitments?view=verification');

    expect(tabs()).not.toContain('commitments.views.verification');
    expect(page().querySelector('cv-verification-queue')).toBeNull();
    expect(page().querySelector('table')).not.toBeNull();
    expect(api.received('VerificationQueue')).toHaveLength(0);
  });

  it("shows a partner its organisation's commitments", async () => {
    signIn(PARTNER);
    const { tabs, page } = await open('/commitments?view=mine');

    expect(tabs()).toContain('commitments.views.mine');
    expect(tabs()).not.toContain('commitments.views.verification');
    expect(page().querySelector('cv-my-commitments h2')?.textContent).toContain('commitments.mine.title');
    expect(api.received('Commitments').at(-1)?.variables['filter']).toEqual({ organizationId: LYDEC_ORG });
    // The territory picker does not apply to one's own commitments.
    expect(page().querySelector('cv-territory-picker')).toBeNull();
  });

  it('opens the scorecard for the territory chosen', async () => {
    signIn(MINISTRY);
    const { page } = await open('/commitments?view=scorecard&territory=06');

    expect(page().querySelector('cv-partner-scorecard h2')?.textContent).toContain(
      'commitments.scorecard.title',
    );
    expect(api.received('PartnerScorecard')[0].variables).toEqual({ territoryCode: '06' });
    expect(api.received('Commitments')).toHaveLength(0);
  });
});
