import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FakeApi, provideFakeApi, provideTranslocoTesting } from '@convergence/web/core/testing';
import { LYDEC_ORG, REGION_ORG, must } from '../testing/fixtures';
import { PartnerScorecard } from './partner-scorecard';

const score = (overrides: object) => ({
  __typename: 'PartnerScore',
  organization: { __typename: 'Organization', id: LYDEC_ORG, name: 'Lydec', acronym: null },
  commitmentCount: 8,
  fulfilledCount: 2,
  lateCount: 3,
  onTimeRate: 0.4,
  averageDelayDays: 45.6,
  committedAmount: '250000000.00',
  fulfilledAmount: '60000000.00',
  lastUpdateAt: '2026-04-01T09:00:00Z',
  ...overrides,
});

describe('PartnerScorecard', () => {
  let api: FakeApi;
  let answer: object;

  beforeEach(() => {
    answer = {
      partnerScorecard: [
        score({}),
        score({
          organization: {
            __typename: 'Organization',
            id: REGION_ORG,
            name: 'Région Casablanca-Settat',
            acronym: null,
          },
          commitmentCount: 0,
          fulfilledCount: 0,
          lateCount: 0,
          onTimeRate: null,
          averageDelayDays: null,
        }),
      ],
    };
    api = new FakeApi(() => ({ data: answer }));
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideTranslocoTesting(), provideFakeApi(api)],
    });
  });

  async function render(territoryCode: string | null) {
    const fixture = TestBed.createComponent(PartnerScorecard);
    fixture.componentRef.setInput('territoryCode', territoryCode);
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }
    return fixture.nativeElement as HTMLElement;
  }

  it('shows, per organisation, its counts and rates in an accessible table', async () => {
    const host = await render('06');

    expect(api.received('PartnerScorecard')[0].variables).toEqual({ territoryCode: '06' });
    const table = must(host.querySelector('table'));
    expect(table.querySelector('caption')?.textContent).toContain('commitments.scorecard.caption');
    expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(10);
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    expect(rows).toHaveLength(2);
    const cells = (row: Element) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());

    const lydec = cells(rows[0]);
    expect(rows[0].querySelector('th')?.getAttribute('scope')).toBe('row');
    expect(lydec[0]).toBe('Lydec');
    expect(lydec.slice(1, 3)).toEqual(['8', '2']);
    // 2 of 8 fulfilled; on time 0.4 → 40 %.
    expect(lydec[3]).toMatch(/^25\s?%$/);
    expect(lydec[4]).toBe('3');
    expect(lydec[5]).toMatch(/^40\s?%$/);
    expect(lydec[6]).toContain('commitments.scorecard.days');
    expect(lydec[7]).toMatch(/250[\s\u202f]000[\s\u202f]000,00/);

    const region = cells(rows[1]);
    expect(region[3]).toBe('common.notSet');
    expect(region[5]).toBe('common.notSet');
    expect(region[6]).toBe('common.notSet');

    const link = must(rows[0].querySelector('a'));
    expect(link.getAttribute('href')).toBe(`/?partner=${LYDEC_ORG}`);
    expect(link.getAttribute('aria-label')).toContain('commitments.scorecard.openCommitments');
  });

  it('tells what to do when no organisation has commitments there', async () => {
    answer = { partnerScorecard: [] };
    const host = await render(null);

    expect(api.received('PartnerScorecard')[0].variables).toEqual({ territoryCode: null });
    expect(host.textContent).toContain('commitments.scorecard.emptyTitle');
    expect(host.querySelector('table')).toBeNull();
  });
});
