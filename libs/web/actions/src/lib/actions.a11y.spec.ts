import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import axe from 'axe-core';
import { actionsRoutes } from './actions.routes';
import {
  actionCard,
  actionDetail,
  connectionOf,
  FILTER_OPTIONS,
  PREFECTURE_AGENT,
  SAO,
} from './testing/action-fixtures';

/**
 * axe-core on the rendered pages (jsdom: no layout, so contrast is left to the Chromium journeys).
 * Serious and critical violations fail, as in the e2e journeys.
 */
describe('actions pages, accessibility', () => {
  jest.setTimeout(30_000);

  beforeEach(() => {
    localStorage.clear();
    const api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'ActionsBoard':
          return {
            data: {
              actions: connectionOf(
                [
                  actionCard({ id: 'a-1', status: 'OPEN' }),
                  actionCard({
                    id: 'a-2',
                    title: 'Raccordement',
                    overdue: true,
                    responsibleOrganization: SAO,
                  }),
                  actionCard({ id: 'a-3', title: 'Recensement', status: 'DONE', priority: 'LOW' }),
                ],
                true,
              ),
            },
          };
        case 'ActionFilterOptions':
          return { data: FILTER_OPTIONS };
        case 'Territories':
          return { data: { territories: [] } };
        case 'ActionDetail':
          return request.variables['id'] === 'missing'
            ? { data: { action: null } }
            : {
                data: {
                  action: actionDetail({
                    overdue: true,
                    status: 'BLOCKED',
                    statusReasonCode: 'PERMIT_DELAY',
                  }),
                },
              };
        default:
          return { data: null, errors: [{ message: 'Introuvable.', extensions: { code: 'NOT_FOUND' } }] };
      }
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'actions', children: actionsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser({ permissions: PREFECTURE_AGENT }));
  });

  async function render(url: string, after?: (page: HTMLElement) => void) {
    const harness = await RouterTestingHarness.create(url);
    const settle = async () => {
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve));
        harness.fixture.detectChanges();
        await harness.fixture.whenStable();
      }
    };
    await settle();
    const page = harness.routeNativeElement as HTMLElement;
    if (after) {
      after(page);
      await settle();
    }
    return page;
  }

  async function seriousViolations(page: HTMLElement) {
    const results = await axe.run(page, { rules: { 'color-contrast': { enabled: false } } });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
  }

  it('the board, with a status form open', async () => {
    const page = await render('/actions?overdue=true&priority=HIGH', (board) =>
      board.querySelector<HTMLButtonElement>('.cv-status-toggle')?.click(),
    );
    expect(page.querySelector('form')).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the detail page', async () => {
    expect(await seriousViolations(await render('/actions/action-1'))).toEqual([]);
  });

  it('the not-found state', async () => {
    expect(await seriousViolations(await render('/actions/missing'))).toEqual([]);
  });
});
