import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
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
import { actionsRoutes } from '../actions.routes';
import type { ActionCardFragment } from '../data-access/generated';
import {
  actionCard,
  actionDetail,
  conflict,
  connectionOf,
  ELECTED_OFFICIAL,
  FILTER_OPTIONS,
  MINISTRY_OFFICIAL,
  PREFECTURE_AGENT,
  SAO,
} from '../testing/action-fixtures';

const OPEN_OWN = actionCard({ id: 'a-open', title: 'Libération des emprises', status: 'OPEN', version: 1 });
const LATE = actionCard({
  id: 'a-late',
  title: 'Relogement Sidi Moumen',
  status: 'IN_PROGRESS',
  overdue: true,
});
const BLOCKED = actionCard({
  id: 'a-blocked',
  title: 'Raccordement au réseau',
  status: 'BLOCKED',
  responsibleOrganization: SAO,
  statusReasonCode: 'PERMIT_DELAY',
});
const DONE = actionCard({ id: 'a-done', title: 'Recensement des ménages', status: 'DONE' });

/** The element, or a failure naming what is missing. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

describe('ActionsBoardPage', () => {
  let api: FakeApi;
  let board: () => FakeResponse | Promise<FakeResponse>;
  let mutation: (request: FakeRequest) => FakeResponse;
  let detail: () => FakeResponse;
  let download: jest.Mock;

  beforeEach(() => {
    localStorage.clear();
    board = () => ({ data: { actions: connectionOf([OPEN_OWN, LATE, BLOCKED, DONE]) } });
    mutation = (request) => {
      const input = request.variables['input'] as { status: ActionCardFragment['status'] };
      return {
        data: { updateActionStatus: actionDetail({ ...OPEN_OWN, status: input.status, version: 2 }) },
      };
    };
    detail = () => ({ data: { action: actionDetail({ ...OPEN_OWN, status: 'IN_PROGRESS', version: 5 }) } });
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'ActionsBoard':
          return board();
        case 'ActionFilterOptions':
          return { data: FILTER_OPTIONS };
        case 'Territories':
          return { data: { territories: [] } };
        case 'UpdateActionStatus':
          return mutation(request);
        case 'ActionDetail':
          return detail();
        default:
          return new Error(`unexpected ${request.operationName}`);
      }
    });
    download = jest.fn().mockResolvedValue(null);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'actions', children: actionsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
        { provide: CsvExport, useValue: { download } },
      ],
    });
  });

  async function open(url = '/actions', permissions: unknown = PREFECTURE_AGENT) {
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
    const column = (status: string) => page().querySelector<HTMLElement>(`section[data-status="${status}"]`);
    const titlesIn = (status: string) =>
      Array.from(column(status)?.querySelectorAll('h3') ?? []).map((heading) => heading.textContent?.trim());
    const cardOf = (title: string) =>
      present(
        Array.from(page().querySelectorAll<HTMLElement>('cv-action-card')).find((card) =>
          card.querySelector('h3')?.textContent?.includes(title),
        ),
        `card ${title}`,
      );
    const select = (label: string, root: HTMLElement = page()) => {
      const field = Array.from(root.querySelectorAll('mat-form-field')).find((candidate) =>
        candidate.querySelector('mat-label')?.textContent?.includes(label),
      );
      return present(field?.querySelector('select'), `select ${label}`);
    };
    const choose = async (element: HTMLSelectElement | HTMLTextAreaElement | null, value: string) => {
      element = present(element, 'field');
      element.value = value;
      element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
      await settle();
    };
    const lastBoardFilter = () => api.received('ActionsBoard').at(-1)?.variables['filter'];
    return { harness, page, settle, column, titlesIn, cardOf, select, choose, lastBoardFilter };
  }

  it('shows one column per status, with the overdue action flagged in words', async () => {
    const { page, titlesIn, cardOf, column, lastBoardFilter } = await open();

    expect(page().querySelector('h1')?.textContent).toContain('actions.board.heading');
    expect(titlesIn('OPEN')).toEqual(['Libération des emprises']);
    expect(titlesIn('IN_PROGRESS')).toEqual(['Relogement Sidi Moumen']);
    expect(titlesIn('BLOCKED')).toEqual(['Raccordement au réseau']);
    expect(titlesIn('DONE')).toEqual(['Recensement des ménages']);
    // Cancelled ones are asked for, and shown, only on request.
    expect(column('CANCELLED')).toBeNull();
    expect(lastBoardFilter()).toEqual({ status: ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'] });

    expect(cardOf('Relogement Sidi Moumen').textContent).toContain('actions.card.overdue');
    expect(cardOf('Libération des emprises').textContent).not.toContain('actions.card.overdue');
    // Colour helps, the words carry the meaning.
    expect(cardOf('Relogement Sidi Moumen').querySelector('[data-tone="danger"]')?.textContent).toContain(
      'actions.card.overdue',
    );
    expect(cardOf('Raccordement au réseau').textContent).toContain('SAO');
    expect(cardOf('Libération des emprises').querySelector('a')?.getAttribute('href')).toBe(
      '/actions/a-open',
    );
    expect(page().querySelector('[role="status"]')?.textContent).toContain('common.resultCount');
  });

  it('reads its filters from the URL and sends them to the api', async () => {
    const { lastBoardFilter, select } = await open(
      '/actions?territory=06.141&overdue=true&responsible=org-sao&priority=CRITICAL&forum=forum-2018',
    );

    expect(lastBoardFilter()).toEqual({
      territoryCode: '06.141',
      overdue: true,
      responsibleOrganizationId: 'org-sao',
      priority: ['CRITICAL'],
      forumId: 'forum-2018',
      status: ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'],
    });
    expect(select('actions.filters.priority')?.value).toBe('CRITICAL');
    expect(select('actions.filters.responsible')?.value).toBe('org-sao');
    expect(select('actions.filters.forum')?.value).toBe('forum-2018');
  });

  it('writes a changed filter into the URL, and reloads the board from it', async () => {
    const { select, choose, page, settle, column, lastBoardFilter } = await open('/actions?territory=06');
    const router = TestBed.inject(Router);

    await choose(select('actions.filters.priority'), 'HIGH');
    expect(router.url).toBe('/actions?territory=06&priority=HIGH');
    expect(lastBoardFilter()).toEqual({
      territoryCode: '06',
      priority: ['HIGH'],
      status: ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'],
    });

    const checkbox = (label: string) =>
      Array.from(page().querySelectorAll('mat-checkbox'))
        .find((box) => box.textContent?.includes(label))
        ?.querySelector('input');
    checkbox('actions.filters.overdueOnly')?.click();
    await settle();
    expect(router.url).toBe('/actions?territory=06&priority=HIGH&overdue=true');

    board = () => ({
      data: { actions: connectionOf([actionCard({ id: 'a-x', title: 'Annulée', status: 'CANCELLED' })]) },
    });
    checkbox('actions.filters.showCancelled')?.click();
    await settle();
    expect(router.url).toContain('cancelled=true');
    expect(lastBoardFilter()).toEqual({ territoryCode: '06', priority: ['HIGH'], overdue: true });
    expect(column('CANCELLED')?.textContent).toContain('Annulée');

    Array.from(page().querySelectorAll('button'))
      .find((b) => b.textContent?.includes('common.clearFilters'))
      ?.click();
    await settle();
    expect(router.url).toBe('/actions?cancelled=true');
  });

  it('offers the responsible organisation only the moves of the workflow, and sends them', async () => {
    const { cardOf, select, choose, settle, titlesIn, page } = await open();
    const card = cardOf('Libération des emprises');

    // The prefecture moves its own actions, not the SAO's.
    expect(cardOf('Raccordement au réseau').querySelector('.cv-status-toggle')).toBeNull();
    const toggle = present(card.querySelector<HTMLButtonElement>('.cv-status-toggle'), 'toggle');
    expect(toggle.getAttribute('aria-label')).toContain('actions.status.changeFor');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const status = select('actions.status.newStatus', card);
    const offered = Array.from(status.options)
      .filter((option) => option.value)
      .map((option) => option.value);
    // OPEN → IN_PROGRESS, DONE, BLOCKED; cancelling is the ministry's.
    expect(offered).toEqual(['IN_PROGRESS', 'DONE', 'BLOCKED']);

    await choose(status, 'BLOCKED');
    const note = card.querySelector('textarea');
    await choose(note, '  Autorisation de démolir en attente.  ');
    card.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
    // Blocking needs a reason: nothing is sent without one.
    expect(api.received('UpdateActionStatus')).toHaveLength(0);
    expect(card.textContent).toContain('common.required');

    await choose(select('actions.status.reason', card), 'PERMIT_DELAY');
    card.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();

    expect(api.received('UpdateActionStatus').map((request) => request.variables)).toEqual([
      {
        input: {
          id: 'a-open',
          version: 1,
          status: 'BLOCKED',
          note: 'Autorisation de démolir en attente.',
          reasonCode: 'PERMIT_DELAY',
        },
      },
    ]);
    expect(titlesIn('OPEN')).toEqual([]);
    expect(titlesIn('BLOCKED')).toEqual(['Libération des emprises', 'Raccordement au réseau']);
    expect(page().querySelector('[role="status"]')?.textContent).toContain('actions.board.statusChanged');
  });

  it('lets the ministry cancel, and moves a done action back in progress only', async () => {
    const ministry = await open('/actions', MINISTRY_OFFICIAL);
    const card = ministry.cardOf('Libération des emprises');
    card.querySelector<HTMLButtonElement>('.cv-status-toggle')?.click();
    await ministry.settle();
    const offered = Array.from(ministry.select('actions.status.newStatus', card).options).map(
      (option) => option.value,
    );
    expect(offered).toContain('CANCELLED');
    // DONE moves back to IN_PROGRESS only.
    ministry.cardOf('Recensement des ménages').querySelector<HTMLButtonElement>('.cv-status-toggle')?.click();
    await ministry.settle();
    const fromDone = ministry.select('actions.status.newStatus', ministry.cardOf('Recensement des ménages'));
    expect(
      Array.from(fromDone.options)
        .filter((o) => o.value)
        .map((o) => o.value),
    ).toEqual(['IN_PROGRESS']);
  });

  it('hides every status control from an elected official of another organisation', async () => {
    const { page } = await open('/actions', ELECTED_OFFICIAL);

    expect(page().querySelectorAll('cv-action-card')).toHaveLength(4);
    expect(page().querySelector('.cv-status-toggle')).toBeNull();
  });

  it('says the action changed meanwhile and reloads it, even when it moved to another column', async () => {
    mutation = () => conflict();
    const { cardOf, select, choose, settle, titlesIn, page } = await open();
    const card = cardOf('Libération des emprises');
    card.querySelector<HTMLButtonElement>('.cv-status-toggle')?.click();
    await settle();
    await choose(select('actions.status.newStatus', card), 'DONE');
    await choose(card.querySelector('textarea'), 'Emprises libérées.');
    card.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();

    expect(api.received('ActionDetail')[0].variables).toEqual({ id: 'a-open' });
    // Someone started it meanwhile: it now stands in progress, with its new version.
    expect(titlesIn('IN_PROGRESS')).toContain('Libération des emprises');
    expect(titlesIn('OPEN')).toEqual([]);
    // Its form went with its old column: the page says why, and the keyboard stays on the card.
    expect(page().querySelector('.cv-count')?.textContent).toContain('common.updatedMeanwhile');
    expect(document.activeElement?.textContent).toContain('Libération des emprises');
  });

  it('keeps the form and its text when the action reloaded after a conflict stays in its column', async () => {
    mutation = () => conflict();
    detail = () => ({ data: { action: actionDetail({ ...OPEN_OWN, version: 7 }) } });
    const { cardOf, select, choose, settle } = await open();
    const card = cardOf('Libération des emprises');
    card.querySelector<HTMLButtonElement>('.cv-status-toggle')?.click();
    await settle();
    await choose(select('actions.status.newStatus', card), 'DONE');
    await choose(card.querySelector('textarea'), 'Emprises libérées.');
    card.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();

    expect(card.querySelector('[role="status"]')?.textContent).toContain('common.updatedMeanwhile');
    expect(card.querySelector('textarea')?.value).toBe('Emprises libérées.');
    expect(select('actions.status.newStatus', card)?.value).toBe('DONE');

    mutation = () => ({
      data: { updateActionStatus: actionDetail({ ...OPEN_OWN, status: 'DONE', version: 8 }) },
    });
    card.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
    expect(api.received('UpdateActionStatus').at(-1)?.variables).toEqual({
      input: { id: 'a-open', version: 7, status: 'DONE', note: 'Emprises libérées.', reasonCode: null },
    });
  });

  it('puts a field message from the api under its field', async () => {
    mutation = () => ({
      data: null,
      errors: [
        {
          message: 'Données invalides.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'status', message: 'Transition impossible.' }],
          },
        },
      ],
    });
    const { cardOf, select, choose, settle } = await open();
    const card = cardOf('Libération des emprises');
    card.querySelector<HTMLButtonElement>('.cv-status-toggle')?.click();
    await settle();
    await choose(select('actions.status.newStatus', card), 'IN_PROGRESS');
    await choose(card.querySelector('textarea'), 'Démarrage.');
    card.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();

    expect(card.querySelector('mat-error')?.textContent).toContain('Transition impossible.');
    expect(card.querySelector('[role="alert"]')?.textContent).toContain('Données invalides.');
    expect(card.querySelector('textarea')?.value).toBe('Démarrage.');
  });

  it('shows the error with a retry, then the board', async () => {
    board = () => ({
      data: null,
      errors: [{ message: 'Serveur indisponible.', extensions: { code: 'RATE_LIMITED' } }],
    });
    const { page, settle, titlesIn } = await open();

    expect(page().querySelector('[role="alert"]')?.textContent).toContain('Serveur indisponible.');
    board = () => ({ data: { actions: connectionOf([OPEN_OWN]) } });
    page().querySelector<HTMLButtonElement>('cv-error-panel button')?.click();
    await settle();
    expect(titlesIn('OPEN')).toEqual(['Libération des emprises']);
  });

  it('tells what to do when nothing matches the filters', async () => {
    board = () => ({ data: { actions: connectionOf([]) } });
    const { page } = await open('/actions?overdue=true');

    expect(page().querySelector('cv-empty-state')?.textContent).toContain('common.emptyFiltered');
    expect(page().querySelector('cv-empty-state button')?.textContent).toContain('common.clearFilters');
  });

  it('exports the rows shown as CSV, with the same filter', async () => {
    const { page, settle } = await open('/actions?territory=06&priority=HIGH');

    Array.from(page().querySelectorAll('button'))
      .find((b) => b.textContent?.includes('common.exportCsv'))
      ?.click();
    await settle();

    expect(download).toHaveBeenCalledWith({
      list: 'actions',
      filter: { territoryCode: '06', priority: ['HIGH'], status: ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'] },
      fileName: 'actions-06.csv',
    });
  });
});
