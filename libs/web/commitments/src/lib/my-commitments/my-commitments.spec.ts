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
  LYDEC_ORG,
  permissionsFor,
  must,
} from '../testing/fixtures';
import { MyCommitments } from './my-commitments';

type Handler = (request: FakeRequest) => FakeResponse;

describe('MyCommitments and the declare form', () => {
  let api: FakeApi;
  let handlers: Record<string, Handler>;
  let version: number;

  beforeEach(() => {
    localStorage.clear();
    version = 3;
    handlers = {
      Commitments: () => ({
        data: {
          commitments: connection([
            commitmentRow({ version }),
            commitmentRow({ id: 'c-2', title: 'Étude hydraulique', status: 'DECLARED' }),
            commitmentRow({ id: 'c-3', title: 'Apport foncier', status: 'FULFILLED' }),
          ]),
        },
      }),
      DeclareCommitmentFulfilment: () => ({
        data: { declareCommitmentFulfilment: commitmentDetail({ status: 'DECLARED', version: 4 }) },
      }),
    };
    api = new FakeApi((request) => handlers[request.operationName](request));
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideTranslocoTesting(), provideFakeApi(api)],
    });
    TestBed.inject(SessionStore).begin(
      fakeTokens('A1', 'R1'),
      fakeUser({
        role: 'PARTNER_CONTRIBUTOR',
        permissions: permissionsFor('PARTNER_CONTRIBUTOR', LYDEC_ORG),
      }),
    );
  });

  async function render() {
    const fixture = TestBed.createComponent(MyCommitments);
    fixture.componentRef.setInput('organization', { id: LYDEC_ORG, name: 'Lydec' });
    const settle = async () => {
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve));
        await fixture.whenStable();
      }
    };
    await settle();
    const host: HTMLElement = fixture.nativeElement;
    const buttons = (key: string) =>
      Array.from(host.querySelectorAll<HTMLButtonElement>('button')).filter((b) =>
        b.textContent?.includes(key),
      );
    const form = () => must(host.querySelector<HTMLElement>('cv-declare-fulfilment-form'));
    const field = (label: string) => {
      const labelElement = Array.from(form().querySelectorAll('label')).find((l) =>
        l.textContent?.includes(label),
      );
      return must(
        form().querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${labelElement?.getAttribute('for')}`),
      );
    };
    const type = (label: string, value: string) => {
      field(label).value = value;
      field(label).dispatchEvent(new Event('input'));
    };
    const errorOf = (label: string) => {
      const ids = (field(label).getAttribute('aria-describedby') ?? '').split(' ');
      const id = ids.find((candidate) => candidate.startsWith('mat-mdc-error'));
      return id ? (form().querySelector(`#${id}`)?.textContent ?? '') : '';
    };
    const submit = async () => {
      must(form().querySelector<HTMLButtonElement>('button[type="submit"]')).click();
      await settle();
    };
    const openForm = async () => {
      buttons('commitments.declare.open')[0].click();
      await settle();
    };
    return {
      fixture,
      host,
      settle,
      buttons,
      form,
      field,
      type,
      errorOf,
      submit,
      openForm,
      text: () => host.textContent ?? '',
    };
  }

  it("lists the organisation's commitments and offers to declare only those still owed", async () => {
    const { host, buttons, text, openForm, form } = await render();

    expect(api.received('Commitments')[0].variables).toEqual({
      filter: { organizationId: LYDEC_ORG },
      first: 100,
      orderBy: { field: 'DUE_DATE', direction: 'ASC' },
    });
    expect(host.querySelectorAll('article')).toHaveLength(3);
    expect(buttons('commitments.declare.open')).toHaveLength(1);
    expect(text()).toContain('commitments.mine.awaitingVerification');
    const toggle = buttons('commitments.declare.open')[0];
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await openForm();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(host.querySelector(`#${toggle.getAttribute('aria-controls')} form`)).not.toBeNull();
    expect(form().querySelector('legend')?.textContent).toContain('commitments.declare.scope');
  });

  it('asks for the evidence and sends nothing without it', async () => {
    const { openForm, submit, errorOf, field } = await render();
    await openForm();

    await submit();

    expect(errorOf('commitments.declare.note')).toContain('commitments.declare.errors.noteRequired');
    expect(document.activeElement).toBe(field('commitments.declare.note'));
    expect(api.received('DeclareCommitmentFulfilment')).toHaveLength(0);
  });

  it('asks for the amount of a partial fulfilment, in a valid number within what is owed', async () => {
    const { openForm, submit, errorOf, type, form, settle } = await render();
    await openForm();
    form().querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    await settle();
    type('commitments.declare.note', 'Virement de la première tranche');

    await submit();
    expect(errorOf('commitments.declare.amount')).toContain('commitments.declare.errors.figureRequired');

    type('commitments.declare.amount', '12,345');
    await submit();
    expect(errorOf('commitments.declare.amount')).toContain('commitments.declare.errors.decimal');

    type('commitments.declare.amount', '200 000 000');
    await submit();
    expect(errorOf('commitments.declare.amount')).toContain('commitments.declare.errors.exceeds');
    expect(api.received('DeclareCommitmentFulfilment')).toHaveLength(0);

    type('commitments.declare.amount', '60 000 000,50');
    await submit();
    expect(api.received('DeclareCommitmentFulfilment')[0].variables).toEqual({
      input: {
        commitmentId: 'c-1',
        version: 3,
        complete: false,
        note: 'Virement de la première tranche',
        amount: '60000000.50',
      },
    });
  });

  it('declares it all with the evidence, then says so and reloads the list', async () => {
    const { openForm, submit, type, text, host } = await render();
    await openForm();

    type('commitments.declare.note', '  Ordre de virement n° 2026-118  ');
    await submit();

    expect(api.received('DeclareCommitmentFulfilment')[0].variables).toEqual({
      input: { commitmentId: 'c-1', version: 3, complete: true, note: 'Ordre de virement n° 2026-118' },
    });
    expect(text()).toContain('commitments.mine.declared');
    expect(api.received('Commitments')).toHaveLength(2);
    expect(host.querySelector('cv-declare-fulfilment-form')).toBeNull();
  });

  it("puts the api's field message under its field and keeps what was typed", async () => {
    handlers['DeclareCommitmentFulfilment'] = () => ({
      data: null,
      errors: [
        {
          message: 'Données invalides.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'amount', message: 'Au plus 120 000 000,00.' }],
          },
        },
      ],
    });
    const { openForm, submit, type, errorOf, field, form } = await render();
    await openForm();

    type('commitments.declare.amount', '100');
    type('commitments.declare.note', 'Justificatif');
    await submit();

    expect(errorOf('commitments.declare.amount')).toContain('Au plus 120 000 000,00.');
    expect(form().querySelector('[role="alert"]')?.textContent).toContain('Données invalides.');
    expect(field('commitments.declare.note').value).toBe('Justificatif');
  });

  it('says the commitment changed meanwhile, reloads it and keeps the form as typed', async () => {
    handlers['DeclareCommitmentFulfilment'] = () => ({
      data: null,
      errors: [{ message: 'Modifié entre-temps.', extensions: { code: 'CONFLICT' } }],
    });
    const { openForm, submit, type, field, form, text } = await render();
    await openForm();
    type('commitments.declare.note', 'Justificatif');
    version = 4;

    await submit();

    expect(text()).toContain('common.updatedMeanwhile');
    expect(api.received('Commitments')).toHaveLength(2);
    expect(field('commitments.declare.note').value).toBe('Justificatif');

    // Sent again, with the version just reloaded.
    handlers['DeclareCommitmentFulfilment'] = () => ({
      data: { declareCommitmentFulfilment: commitmentDetail({ status: 'DECLARED', version: 5 }) },
    });
    must(form().querySelector<HTMLButtonElement>('button[type="submit"]')).click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(api.received('DeclareCommitmentFulfilment')[1].variables['input']).toMatchObject({ version: 4 });
  });

  it('tells an organisation without commitments what to expect', async () => {
    handlers['Commitments'] = () => ({ data: { commitments: connection([]) } });
    const { text } = await render();

    expect(text()).toContain('commitments.mine.emptyTitle');
  });
});
