import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { FakeApi, provideFakeApi, provideTranslocoTesting } from '@convergence/web/core/testing';
import axe from 'axe-core';
import { projectsRoutes } from './projects.routes';
import {
  projectDetail,
  projectRow,
  projectsPage,
  SAO_ID,
  signInAs,
  territoriesAnswer,
} from './testing/project-fixtures.testing';

/**
 * axe-core on the rendered pages (jsdom: no layout, so contrast is left to the Chromium journeys).
 * Serious and critical violations fail, as in the e2e journeys.
 */
describe('projects pages, accessibility', () => {
  // axe walks the whole page in jsdom: seconds, not milliseconds.
  jest.setTimeout(30_000);

  beforeEach(() => {
    const api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'Projects':
          return projectsPage(
            [projectRow(), projectRow({ id: 'p-2', code: 'VSB-02', health: null, status: 'DELIVERED' })],
            {
              hasNextPage: true,
              totalCount: 30,
            },
          );
        case 'ProjectProgrammes':
          return { data: { projects: { __typename: 'ProjectConnection', edges: [] } } };
        case 'Territories':
          return territoriesAnswer();
        case 'Project':
          return request.variables['id'] === 'missing'
            ? { data: { project: null } }
            : { data: { project: projectDetail() } };
        default:
          return { data: null, errors: [{ message: 'Introuvable.', extensions: { code: 'NOT_FOUND' } }] };
      }
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'projects', children: projectsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
    signInAs('SUBSIDIARY_MANAGER', SAO_ID);
  });

  async function render(url: string, after?: (page: HTMLElement) => void) {
    const harness = await RouterTestingHarness.create(url);
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        await harness.fixture.whenStable();
        await new Promise((resolve) => setTimeout(resolve));
      }
      harness.fixture.detectChanges();
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

  it('the list', async () => {
    expect(await seriousViolations(await render('/projects?status=WORKS'))).toEqual([]);
  });

  it('the detail, with the report form open', async () => {
    const page = await render('/projects/p-had-soualem', (rendered) =>
      Array.from(rendered.querySelectorAll('button'))
        .find((button) => button.textContent?.trim() === 'projects.report.open')
        ?.click(),
    );
    expect(page.querySelector('cv-report-progress-form')).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the not-found state', async () => {
    expect(await seriousViolations(await render('/projects/missing'))).toEqual([]);
  });
});
