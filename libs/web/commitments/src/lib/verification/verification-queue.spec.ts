import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
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
import {
  commitmentDetail,
  commitmentRow,
  connection,
  fulfilment,
  MINISTRY_ORG,
  permissionsFor,
  must,
} from '../testing/fixtures';
import { VerificationQueue } from './verification-queue';

type Handler = (request: FakeRequest) => FakeResponse;

describe('VerificationQueue', () => {
  let api: FakeApi;
  let handlers: Record<string, Handler>;

  const declared = () => ({
    ...commitmentRow({ status: 'DECLARED', version: 4 }),
    fulfilments: [
      fulfilment({ id: 'f-0', accepted: false, note: 'Premier envoi', verificationNote: 'Pièce manquante' }),
      fulfilment({
        id: 'f-1',
        complete: false,
        amount: '60000000.00',
        note: 'Ordre de virement n° 2026-118',
      }),
    ],
  });

  beforeEach(() => {
    localStorage.clear();
    handlers = {
      VerificationQueue: () => ({ data: { commitments: connection([declared()]) } }),
      VerifyCommitmentFulfilment: () => ({
        data: { verifyCommitmentFulfilment: commitmentDetail({ status: 'PARTIALLY_FULFILLED', version: 5 }) },
      }),
    };
    api = new FakeApi((request) => handlers[request.operationName](request));
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideTranslocoTesting(), provideFakeApi(api)],
    });
    TestBed.inject(SessionStore).begin(
      fakeTokens('A1', 'R1'),
      fakeUser({ role: 'MINISTRY_OFFICIAL', permissions: permissionsFor('MINISTRY_OFFICIAL', MINISTRY_ORG) }),
    );
  });

  async function render() {
    const fixture = TestBed.createComponent(VerificationQueue);
    fixture.componentRef.setInput('territoryCode', '06');
    const settle = async () => {
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve));
        await fixture.whenStable();
      }
    };
    await settle();
    const host: HTMLElement = fixture.nativeElement;
    const button = (key: string) =>
      must(
        Array.from(host.querySelectorAll<HTMLButtonElement>('button')).find((b) =>
          b.textContent?.includes(key),
        ),
      );
    const note = () => must(host.querySelector<HTMLTextAreaElement>('textarea'));
    const type = (value: string) => {
      note().value = value;
      note().dispatchEvent(new Event('input'));
    };
    return { fixture, host, settle, button, note, type, text: () => host.textContent ?? '' };
  }

  it('lists the declared commitments of the territory with the declaration awaiting verification', async () => {
    const { host, text } = await render();

    expect(api.received('VerificationQueue')[0].variables).toEqual({
      filter: { status: ['DECLARED'], territoryCode: '06' },
      first: 50,
    });
    expect(host.querySelector('h2')?.textContent).toContain('commitments.verification.title');
    const item = must(host.querySelector('article'));
    expect(item.getAttribute('aria-labelledby')).toBe(item.querySelector('h3')?.id);
    expect(item.querySelector('h3 a')?.getAttribute('href')).toBe('/commitments/c-1');
    // The pending declaration, not the one already sent back.
    expect(text()).toContain('Karim Alaoui');
    expect(text()).toContain('Ordre de virement n° 2026-118');
    expect(text()).not.toContain('Premier envoi');
    expect(text()).toContain('commitments.fulfilment.partial');
    // Half of 120 M declared, nothing before: accepting leaves it partially fulfilled.
    expect(item.querySelector('.cv-outcome strong')?.textContent).toContain(
      'commitmentStatus.PARTIALLY_FULFILLED',
    );
  });

  it('accepts a declaration with the version read, then says so and reloads the queue', async () => {
    handlers['VerificationQueue'] = () => ({ data: { commitments: connection([declared()]) } });
    const { button, settle, text } = await render();

    button('commitments.verify.accept').click();
    await settle();

    expect(api.received('VerifyCommitmentFulfilment')[0].variables).toEqual({
      input: { commitmentId: 'c-1', version: 4, accepted: true, note: null },
    });
    expect(text()).toContain('commitments.verification.accepted');
    expect(api.received('VerificationQueue')).toHaveLength(2);
  });

  it('requires the reason before sending a declaration back', async () => {
    const { button, settle, text, note, type, host } = await render();

    button('commitments.verify.sendBack').click();
    await settle();

    expect(api.received('VerifyCommitmentFulfilment')).toHaveLength(0);
    expect(text()).toContain('commitments.verify.reasonRequired');
    const errorId = (note().getAttribute('aria-describedby') ?? '')
      .split(' ')
      .find((id) => id.startsWith('mat-mdc-error'));
    expect(host.querySelector(`#${errorId}`)?.textContent).toContain('commitments.verify.reasonRequired');
    expect(document.activeElement).toBe(note());

    type('  Le procès-verbal de réception manque.  ');
    button('commitments.verify.sendBack').click();
    await settle();

    expect(api.received('VerifyCommitmentFulfilment')[0].variables).toEqual({
      input: {
        commitmentId: 'c-1',
        version: 4,
        accepted: false,
        note: 'Le procès-verbal de réception manque.',
      },
    });
    expect(text()).toContain('commitments.verification.sentBack');
  });

  it('says the commitment changed meanwhile, reloads it and keeps the note typed', async () => {
    handlers['VerifyCommitmentFulfilment'] = () => ({
      data: null,
      errors: [{ message: 'Modifié entre-temps.', extensions: { code: 'CONFLICT' } }],
    });
    const { button, settle, text, note, type } = await render();

    type('Vérifié sur pièces');
    button('commitments.verify.accept').click();
    await settle();

    expect(text()).toContain('common.updatedMeanwhile');
    expect(api.received('VerificationQueue')).toHaveLength(2);
    expect(note().value).toBe('Vérifié sur pièces');
  });

  it("puts the api's message about the note under the note", async () => {
    handlers['VerifyCommitmentFulfilment'] = () => ({
      data: null,
      errors: [
        {
          message: 'Données invalides.',
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'note', message: 'Note trop longue.' }] },
        },
      ],
    });
    const { button, settle, host, type } = await render();

    type('x');
    button('commitments.verify.sendBack').click();
    await settle();

    expect(host.querySelector('mat-error')?.textContent).toContain('Note trop longue.');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Données invalides.');
  });

  it('tells what to do when nothing awaits verification', async () => {
    handlers['VerificationQueue'] = () => ({ data: { commitments: connection([]) } });
    const { text, host } = await render();

    expect(text()).toContain('commitments.verification.emptyTitle');
    expect(host.querySelector('form')).toBeNull();
  });
});
