import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  type FakeResponse,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { AuditHistory, DiscussionThread, FollowButton } from '@convergence/web/discussion';
import { actionsRoutes } from '../actions.routes';
import { actionDetail, conflict, ELECTED_OFFICIAL, PREFECTURE_AGENT } from '../testing/action-fixtures';

describe('ActionDetailPage', () => {
  let api: FakeApi;
  let detail: () => FakeResponse;
  let mutation: () => FakeResponse;

  beforeEach(() => {
    localStorage.clear();
    detail = () => ({
      data: { action: actionDetail({ overdue: true, statusNote: 'Deux tiers des ménages relogés.' }) },
    });
    mutation = () => conflict();
    api = new FakeApi((request) => {
      if (request.operationName === 'ActionDetail') return detail();
      if (request.operationName === 'UpdateActionStatus') return mutation();
      return new Error(`unexpected ${request.operationName}`);
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'actions', children: actionsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
  });

  async function open(url = '/actions/action-1', permissions: unknown = PREFECTURE_AGENT) {
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser({ permissions }));
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
    const link = (text: string) =>
      Array.from(page().querySelectorAll('a')).find((anchor) => anchor.textContent?.includes(text)) ?? null;
    return { harness, page, settle, link };
  }

  it('shows the action, where it was decided and what it serves, with its discussion and history', async () => {
    const { page, link, harness } = await open();

    expect(api.received('ActionDetail')[0].variables).toEqual({ id: 'action-1' });
    expect(page().querySelectorAll('h1')).toHaveLength(1);
    expect(page().querySelector('h1')?.textContent).toContain(
      'Relogement des ménages des karyans de Sidi Moumen',
    );
    const text = page().textContent ?? '';
    expect(text).toContain('actionStatus.IN_PROGRESS');
    expect(text).toContain('actions.card.overdue');
    expect(text).toContain('Préfecture de Casablanca');
    expect(text).toContain('SAO Casablanca-Settat');
    expect(text).toContain('Deux tiers des ménages relogés.');
    expect(link('Forum de la Convergence Régionale')?.getAttribute('href')).toBe('/forums/forum-2018');
    expect(link('SAO-CS-VSB-CASA')?.getAttribute('href')).toBe('/projects/project-1');
    expect(link('actions.detail.back')?.getAttribute('href')).toBe('/actions');

    for (const type of [FollowButton, DiscussionThread, AuditHistory]) {
      const component = harness.fixture.debugElement.query(By.directive(type))
        .componentInstance as InstanceType<typeof type>;
      expect([component.subjectType(), component.subjectId()]).toEqual(['ACTION', 'action-1']);
    }
    // The prefecture is responsible for it: it may move its status.
    expect(page().querySelector('.cv-status-toggle')).not.toBeNull();
  });

  it('offers no status change to a reader who is not responsible for it', async () => {
    const { page } = await open('/actions/action-1', ELECTED_OFFICIAL);

    expect(page().querySelector('h1')?.textContent).toContain('Sidi Moumen');
    expect(page().querySelector('.cv-status-toggle')).toBeNull();
  });

  it('says clearly when the action does not exist or may not be read', async () => {
    detail = () => ({ data: { action: null } });
    const { page, link } = await open('/actions/unknown');

    expect(page().querySelector('h1')?.textContent).toContain('actions.detail.notFoundTitle');
    expect(page().textContent).toContain('actions.detail.notFoundHint');
    expect(link('actions.detail.back')).not.toBeNull();
    expect(page().querySelector('cv-discussion-thread')).toBeNull();
  });

  it('treats a NOT_FOUND answer the same way', async () => {
    detail = () => ({ data: null, errors: [{ message: 'Introuvable.', extensions: { code: 'NOT_FOUND' } }] });
    const { page } = await open('/actions/other-region');

    expect(page().querySelector('h1')?.textContent).toContain('actions.detail.notFoundTitle');
  });

  it('reloads the action after a conflict, says so and keeps what was typed', async () => {
    const { page, settle } = await open();
    page().querySelector<HTMLButtonElement>('.cv-status-toggle')?.click();
    await settle();
    const status = page().querySelector<HTMLSelectElement>('form select');
    const note = page().querySelector('textarea');
    if (!status || !note) throw new Error('the status form is missing');
    status.value = 'DONE';
    status.dispatchEvent(new Event('change'));
    note.value = 'Tous les ménages relogés.';
    note.dispatchEvent(new Event('input'));
    await settle();
    detail = () => ({
      data: { action: actionDetail({ version: 9, statusNote: 'Mis à jour par la Wilaya.' }) },
    });
    page().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();

    expect(api.received('ActionDetail')).toHaveLength(2);
    expect(page().textContent).toContain('Mis à jour par la Wilaya.');
    expect(page().querySelector('form [role="status"]')?.textContent).toContain('common.updatedMeanwhile');
    expect(page().querySelector('textarea')?.value).toBe('Tous les ménages relogés.');

    mutation = () => ({
      data: { updateActionStatus: actionDetail({ status: 'DONE', version: 10, doneOn: '2026-02-01' }) },
    });
    page().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
    expect(api.received('UpdateActionStatus').at(-1)?.variables['input']).toMatchObject({
      version: 9,
      status: 'DONE',
    });
    expect(page().textContent).toContain('actionStatus.DONE');
    expect(page().textContent).toContain('actions.detail.doneOn');
  });
});
