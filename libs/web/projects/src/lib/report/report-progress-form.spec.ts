import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  FakeApi,
  type FakeRequest,
  type FakeResponse,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { projectsRoutes } from '../projects.routes';
import { journalEntry, projectDetail, SAO_ID, signInAs } from '../testing/project-fixtures.testing';
import { decimalEquals, needsReason, normalizeDecimal } from './report-rules';

describe('Report progress (project detail)', () => {
  let api: FakeApi;
  let answerProject: (request: FakeRequest) => FakeResponse;
  let answerReport: (request: FakeRequest) => FakeResponse;

  beforeEach(() => {
    answerProject = () => ({ data: { project: projectDetail() } });
    answerReport = () => ({
      data: {
        reportProjectProgress: {
          __typename: 'ProjectProgressReport',
          id: 'r-new',
          status: 'WORKS',
          physicalProgress: 45,
          reportedAt: '2026-02-01T09:00:00.000Z',
        },
      },
    });
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'Project':
          return answerProject(request);
        case 'ReportProjectProgress':
          return answerReport(request);
        default:
          return new Error(`unexpected ${request.operationName}`);
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

  async function settle(harness: RouterTestingHarness) {
    for (let i = 0; i < 3; i++) {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
    harness.fixture.detectChanges();
  }

  /** Opens the project and its report form. */
  async function openForm() {
    const harness = await RouterTestingHarness.create('/projects/p-had-soualem');
    await settle(harness);
    const page = harness.routeNativeElement as HTMLElement;
    const button = (name: string) =>
      Array.from(page.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === name);
    button('projects.report.open')!.click();
    await settle(harness);
    const form = () => page.querySelector<HTMLFormElement>('cv-report-progress-form form')!;
    const control = <T extends HTMLElement = HTMLInputElement>(name: string) =>
      form().querySelector<T>(`[formcontrolname="${name}"]`)!;
    const fieldOf = (name: string) => control(name).closest('mat-form-field') as HTMLElement;
    const labelOf = (name: string) => fieldOf(name).querySelector('label')?.textContent?.trim();
    const type = (name: string, value: string) => {
      const input = control<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(name);
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
      input.dispatchEvent(new Event('blur'));
      harness.fixture.detectChanges();
    };
    const submit = async () => {
      button('projects.report.submit')!.click();
      await settle(harness);
    };
    const errorOf = (name: string) => fieldOf(name).querySelector('mat-error')?.textContent?.trim() ?? '';
    return { harness, page, form, control, labelOf, type, submit, errorOf, button };
  }

  const reports = () => api.received('ReportProjectProgress');

  it('starts from the current values, with a label on every field', async () => {
    const { control, labelOf, form } = await openForm();

    expect(document.activeElement?.id).toBe('cv-report-heading');
    expect(control<HTMLSelectElement>('status').value).toBe('WORKS');
    // Only the current status and the allowed transitions are offered.
    expect(Array.from(control<HTMLSelectElement>('status').options).map((option) => option.value)).toEqual([
      'WORKS',
      'DELIVERED',
      'SUSPENDED',
      'CANCELLED',
    ]);
    expect(control('physicalProgress').value).toBe('40');
    expect(control('spentAmount').value).toBe('300000000.00');
    expect(control('housingUnitsDelivered').value).toBe('0');
    expect(control('householdsRelocated').value).toBe('120');
    expect(control('hectares').value).toBe('40.00');
    expect(control('plannedEndDate').value).toBe('2027-12-31');
    expect(control('note').value).toBe('');
    expect(form().querySelector('[formcontrolname="reasonCode"]')).toBeNull();
    for (const [name, label] of [
      ['status', 'projects.report.status'],
      ['physicalProgress', 'projects.report.physicalProgress'],
      ['spentAmount', 'projects.report.spentAmount'],
      ['housingUnitsDelivered', 'projects.report.housingUnitsDelivered'],
      ['householdsRelocated', 'projects.report.householdsRelocated'],
      ['hectares', 'projects.report.hectares'],
      ['plannedEndDate', 'projects.report.plannedEndDate'],
      ['note', 'projects.report.note'],
    ]) {
      expect(labelOf(name)).toContain(label);
    }
  });

  it('explains what is wrong next to each field and sends nothing', async () => {
    const { type, submit, errorOf } = await openForm();

    type('physicalProgress', '120');
    type('spentAmount', '12,345');
    type('housingUnitsDelivered', '2.5');
    await submit();

    expect(errorOf('note')).toContain('projects.report.errors.noteRequired');
    expect(errorOf('physicalProgress')).toContain('projects.report.errors.progress');
    expect(errorOf('spentAmount')).toContain('projects.report.errors.amount');
    expect(errorOf('housingUnitsDelivered')).toContain('projects.report.errors.count');
    expect(reports()).toHaveLength(0);
  });

  it('asks for 100 % before delivering', async () => {
    const { type, submit, errorOf } = await openForm();

    type('status', 'DELIVERED');
    type('note', 'Réception provisoire.');
    await submit();

    expect(errorOf('physicalProgress')).toContain('projects.report.errors.deliveredNeedsFullProgress');
    expect(reports()).toHaveLength(0);
  });

  it('requires a reason when the planned end slips, then sends it with the new date', async () => {
    const { type, submit, errorOf, form } = await openForm();

    type('plannedEndDate', '2028-06-30');
    type('note', 'Retard de libération du foncier.');
    expect(form().querySelector('[formcontrolname="reasonCode"]')).not.toBeNull();
    await submit();

    expect(errorOf('reasonCode')).toContain('projects.report.errors.reasonRequired');
    expect(reports()).toHaveLength(0);

    type('reasonCode', 'LAND_NOT_AVAILABLE');
    await submit();

    expect(reports()).toHaveLength(1);
    expect(reports()[0].variables).toEqual({
      input: {
        projectId: 'p-had-soualem',
        version: 3,
        note: 'Retard de libération du foncier.',
        plannedEndDate: '2028-06-30',
        reasonCode: 'LAND_NOT_AVAILABLE',
      },
    });
  });

  it('requires a reason to suspend, not to bring the end forward', async () => {
    const { type, form } = await openForm();

    type('plannedEndDate', '2027-06-30');
    expect(form().querySelector('[formcontrolname="reasonCode"]')).toBeNull();
    type('status', 'SUSPENDED');
    expect(form().querySelector('[formcontrolname="reasonCode"]')).not.toBeNull();
  });

  it('sends what changed with the version read, then shows the fresh journal and figures', async () => {
    const { type, submit, page, harness } = await openForm();
    type('physicalProgress', '45');
    type('spentAmount', '1 500 000 000,50');
    type('householdsRelocated', '150');
    type('note', '  Viabilisation de la tranche 2 achevée.  ');
    answerProject = () => ({
      data: {
        project: projectDetail({ version: 4, physicalProgress: 45, health: 'ON_TRACK' }, [
          journalEntry({ id: 'r-new', note: 'Viabilisation de la tranche 2 achevée.', physicalProgress: 45 }),
          journalEntry(),
        ]),
      },
    });

    await submit();
    await settle(harness);

    expect(reports()[0].variables).toEqual({
      input: {
        projectId: 'p-had-soualem',
        version: 3,
        note: 'Viabilisation de la tranche 2 achevée.',
        physicalProgress: 45,
        spentAmount: '1500000000.50',
        keyFigures: { householdsRelocated: 150 },
      },
    });
    // The project was read again: journal, progress and health are the api's new ones.
    expect(api.received('Project')).toHaveLength(2);
    expect(page.querySelector('cv-report-progress-form')).toBeNull();
    expect(page.querySelector('.cv-status[role="status"]')?.textContent).toContain('projects.report.success');
    expect(page.querySelectorAll('.cv-journal li')).toHaveLength(2);
    expect(page.querySelector('.cv-journal li')?.textContent).toContain(
      'Viabilisation de la tranche 2 achevée.',
    );
    expect(page.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('45');
    expect(page.querySelector('cv-project-health-badge')?.textContent).toContain('health.ON_TRACK');
  });

  it('on CONFLICT: says so, reloads the project, keeps what was typed and sends the new version', async () => {
    const { type, submit, control, page } = await openForm();
    answerReport = () => ({
      data: null,
      errors: [{ message: 'Modifié entre-temps.', extensions: { code: 'CONFLICT' } }],
    });
    answerProject = () => ({
      data: { project: projectDetail({ version: 4, spentAmount: '310000000.00', physicalProgress: 42 }) },
    });
    type('physicalProgress', '45');
    type('note', 'Tranche 2 achevée.');

    await submit();

    expect(page.querySelector('cv-report-progress-form [role="alert"]')?.textContent).toContain(
      'common.updatedMeanwhile',
    );
    expect(api.received('Project')).toHaveLength(2);
    // Typed values stay; untouched ones take the fresh values.
    expect(control('physicalProgress').value).toBe('45');
    expect(control('note').value).toBe('Tranche 2 achevée.');
    expect(control('spentAmount').value).toBe('310000000.00');

    answerReport = () => ({
      data: {
        reportProjectProgress: {
          __typename: 'ProjectProgressReport',
          id: 'r-new',
          status: 'WORKS',
          physicalProgress: 45,
          reportedAt: '2026-02-01T09:00:00.000Z',
        },
      },
    });
    await submit();

    expect(reports()[1].variables).toEqual({
      input: { projectId: 'p-had-soualem', version: 4, note: 'Tranche 2 achevée.', physicalProgress: 45 },
    });
  });

  it("shows the api's field messages next to their fields and keeps the values", async () => {
    const { type, submit, errorOf, control, page } = await openForm();
    answerReport = () => ({
      data: null,
      errors: [
        {
          message: 'Certaines informations ne sont pas valides.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'keyFigures.hectares', message: 'Au plus 8 chiffres avant la virgule.' },
              { field: 'status', message: 'Transition impossible.' },
            ],
          },
        },
      ],
    });
    type('hectares', '41.5');
    type('note', 'Extension du périmètre.');

    await submit();

    expect(errorOf('hectares')).toContain('Au plus 8 chiffres avant la virgule.');
    expect(errorOf('status')).toContain('Transition impossible.');
    expect(page.querySelector('cv-report-progress-form [role="alert"]')?.textContent).toContain(
      'Certaines informations ne sont pas valides.',
    );
    expect(control('hectares').value).toBe('41.5');
    expect(control('note').value).toBe('Extension du périmètre.');
    expect(api.received('Project')).toHaveLength(1);
  });

  it('closes on cancel and gives the focus back to the button', async () => {
    const { button, page, harness } = await openForm();

    button('common.cancel')!.click();
    await settle(harness);

    expect(page.querySelector('cv-report-progress-form')).toBeNull();
    expect(document.activeElement).toBe(button('projects.report.open'));
  });
});

describe('report rules', () => {
  it('compares exact decimals without floating point', () => {
    expect(decimalEquals('300000000.00', '300000000')).toBe(true);
    expect(decimalEquals('0040.50', '40.5')).toBe(true);
    expect(decimalEquals('0.10', '0.1')).toBe(true);
    expect(decimalEquals('40.01', '40.1')).toBe(false);
    expect(normalizeDecimal('1 500 000,50')).toBe('1500000.50');
    expect(normalizeDecimal('1\u202f500\u00a0000')).toBe('1500000');
  });

  it('wants a reason as the api does', () => {
    const project = { status: 'WORKS' as const, plannedEndDate: '2027-12-31' };
    expect(needsReason(project, 'WORKS', '2027-12-31')).toBe(false);
    expect(needsReason(project, 'WORKS', '2028-01-01')).toBe(true);
    expect(needsReason(project, 'WORKS', '2027-01-01')).toBe(false);
    expect(needsReason(project, 'SUSPENDED', '2027-12-31')).toBe(true);
    expect(needsReason(project, 'CANCELLED', '')).toBe(true);
    expect(needsReason({ status: 'SUSPENDED', plannedEndDate: null }, 'SUSPENDED', '2030-01-01')).toBe(false);
    expect(needsReason({ status: 'SUSPENDED', plannedEndDate: null }, 'WORKS', '')).toBe(false);
  });
});
