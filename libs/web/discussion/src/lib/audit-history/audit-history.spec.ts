import { TestBed } from '@angular/core/testing';
import { FakeApi, type FakeRequest, type FakeResponse, provideFakeApi } from '@convergence/web/core/testing';
import { accessibleName, provideDiscussionTranslations, textOf } from '../../testing/discussion-testing';
import { AuditHistory } from './audit-history';

function event(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'AuditEvent',
    id,
    at: '2026-03-14T09:30:00.000Z',
    action: 'UPDATE',
    operation: 'reportProjectProgress',
    changes: {},
    actor: { __typename: 'Person', id: 'u-sao', displayName: 'Youssef Bennani' },
    ...overrides,
  };
}

function trail(events: ReturnType<typeof event>[], more = false): FakeResponse {
  return {
    data: {
      auditTrail: {
        __typename: 'AuditEventConnection',
        totalCount: events.length + (more ? 1 : 0),
        pageInfo: { __typename: 'PageInfo', hasNextPage: more, endCursor: more ? 'e-20' : null },
        edges: events.map((node) => ({ __typename: 'AuditEventEdge', cursor: `e-${node.id}`, node })),
      },
    },
  };
}

describe('AuditHistory', () => {
  let api: FakeApi;
  let answer: (request: FakeRequest) => FakeResponse;

  beforeEach(() => {
    answer = () => trail([]);
    api = new FakeApi((request) => answer(request));
    TestBed.configureTestingModule({ providers: [provideDiscussionTranslations(), provideFakeApi(api)] });
  });

  async function render() {
    const fixture = TestBed.createComponent(AuditHistory);
    fixture.componentRef.setInput('subjectType', 'PROJECT');
    fixture.componentRef.setInput('subjectId', 'p1');
    await fixture.whenStable();
    const host: HTMLElement = fixture.nativeElement;
    const settle = async () => {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await fixture.whenStable();
    };
    const buttonNamed = (name: string) =>
      Array.from(host.querySelectorAll('button')).find(
        (button) => textOf(button) === name,
      ) as HTMLButtonElement;
    const click = async (button: HTMLButtonElement) => {
      button.click();
      await settle();
    };
    return { fixture, host, buttonNamed, click };
  }

  it('is collapsed and loads nothing until opened', async () => {
    const { host, buttonNamed } = await render();

    const toggle = buttonNamed("Voir l'historique des modifications");
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect((host.querySelector(`#${toggle.getAttribute('aria-controls')}`) as HTMLElement).hidden).toBe(true);
    expect(api.requests).toHaveLength(0);
  });

  it('loads the trail when opened: who, when, what, and each changed field before and after', async () => {
    answer = () =>
      trail([
        event('e2', {
          changes: {
            status: ['STUDIES', 'WORKS'],
            physicalProgress: [35, 40],
            spentAmount: ['1000000.00', '2500000.00'],
            plannedEndDate: ['2027-06-30', '2027-12-31'],
            partnerOrganizationIds: [['o1'], ['o1', 'o2']],
            reasonCode: [null, 'FUNDING_DELAY'],
            leadOrganizationId: ['o1', 'o3'],
            mysteryField: ['a', 'b'],
          },
        }),
        event('e1', {
          action: 'CREATE',
          operation: 'somethingNew',
          actor: null,
          changes: { commentId: [null, 'c1'], body: [null, 'Premier commentaire'] },
        }),
      ]);
    const { host, buttonNamed, click } = await render();
    const toggle = buttonNamed("Voir l'historique des modifications");

    await click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(api.received('AuditTrail')[0].variables).toEqual({
      subjectType: 'PROJECT',
      subjectId: 'p1',
      first: 20,
      after: null,
    });
    const events = Array.from(host.querySelectorAll('.cv-audit-event'));
    expect(accessibleName(host.querySelector('ol') as Element)).toBe(
      'Modifications, des plus récentes aux plus anciennes',
    );
    expect(textOf(events[0].querySelector('.cv-audit-summary'))).toMatch(
      /^Rapport d'avancement par Youssef Bennani 14 mars 2026/,
    );
    const rows = Array.from(events[0].querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.children).map((cell) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['État', 'En études', 'En travaux'],
      ['Avancement physique', '35 %', '40 %'],
      [
        'Montant dépensé',
        expect.stringMatching(/^1 000 000,00\sMAD$/),
        expect.stringMatching(/^2 500 000,00\sMAD$/),
      ],
      ['Fin prévue', '30 juin 2027', '31 déc. 2027'],
      ['Partenaires', '1 élément(s)', '2 élément(s)'],
      ['Motif', 'Non renseigné', 'Retard de financement'],
      ['Organisation pilote', 'Élément lié', 'Élément lié'],
      ['mysteryField', 'a', 'b'],
    ]);
    expect(events[0].querySelector('th')?.getAttribute('scope')).toBe('col');
    expect(textOf(events[0].querySelector('caption'))).toBe('Champs modifiés');

    // An operation without a name of its own is named by its kind; no actor: the platform.
    expect(textOf(events[1].querySelector('.cv-audit-summary'))).toMatch(/^Création par la plateforme/);
    const created = Array.from(events[1].querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.children).map((cell) => textOf(cell)),
    );
    expect(created).toEqual([['Texte du commentaire', 'Non renseigné', 'Premier commentaire']]);
  });

  it('says so when nothing was recorded, and loads once however often it is opened', async () => {
    const { host, buttonNamed, click } = await render();
    const toggle = buttonNamed("Voir l'historique des modifications");

    await click(toggle);
    expect(textOf(host)).toContain('Aucune modification enregistrée');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(api.received('AuditTrail')).toHaveLength(1);
  });

  it('loads older changes on demand', async () => {
    answer = (request) => (request.variables['after'] ? trail([event('e0')]) : trail([event('e1')], true));
    const { host, buttonNamed, click } = await render();

    await click(buttonNamed("Voir l'historique des modifications"));
    expect(textOf(host)).toContain('1 modification(s) affichée(s) sur 2');
    await click(buttonNamed('Afficher plus'));

    expect(api.received('AuditTrail')[1].variables).toMatchObject({ after: 'e-20' });
    expect(host.querySelectorAll('.cv-audit-event')).toHaveLength(2);
    expect(buttonNamed('Afficher plus')).toBeUndefined();
  });

  it("shows the api's message, and tries again on demand", async () => {
    answer = () => ({
      data: null,
      errors: [{ message: 'Projet introuvable.', extensions: { code: 'NOT_FOUND' } }],
    });
    const { host, buttonNamed, click } = await render();

    await click(buttonNamed("Voir l'historique des modifications"));
    expect(textOf(host.querySelector('[role="alert"]'))).toContain('Projet introuvable.');

    answer = () => trail([event('e1')]);
    await click(buttonNamed('Réessayer'));
    expect(host.querySelectorAll('.cv-audit-event')).toHaveLength(1);
  });
});
