import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FakeApi, type FakeRequest, type FakeResponse, provideFakeApi } from '@convergence/web/core/testing';
import { accessibleName, provideDiscussionTranslations, textOf } from '../../testing/discussion-testing';
import { FollowButton } from './follow-button';

/** Until the fake api has answered and the view shows it. */
async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await fixture.whenStable();
}

describe('FollowButton', () => {
  let api: FakeApi;
  let state: { following: boolean; explicit: boolean };
  let answerWrite: (request: FakeRequest) => FakeResponse;

  beforeEach(() => {
    state = { following: false, explicit: false };
    answerWrite = (request) => {
      state = { following: request.operationName === 'FollowSubject', explicit: true };
      return { data: { [request.operationName === 'FollowSubject' ? 'follow' : 'unfollow']: true } };
    };
    api = new FakeApi((request) =>
      request.operationName === 'FollowState'
        ? { data: { followState: { __typename: 'FollowState', ...state } } }
        : answerWrite(request),
    );
    TestBed.configureTestingModule({ providers: [provideDiscussionTranslations(), provideFakeApi(api)] });
  });

  async function render() {
    const fixture = TestBed.createComponent(FollowButton);
    fixture.componentRef.setInput('subjectType', 'COMMITMENT');
    fixture.componentRef.setInput('subjectId', 'c1');
    await settle(fixture);
    const host: HTMLElement = fixture.nativeElement;
    const button = () => host.querySelector('button') as HTMLButtonElement;
    const click = async () => {
      button().click();
      await settle(fixture);
    };
    return { fixture, host, button, click };
  }

  it('is a toggle named "Suivre", pressed or not, and says why', async () => {
    const { host, button } = await render();

    expect(accessibleName(button())).toBe('Suivre');
    expect(button().getAttribute('aria-pressed')).toBe('false');
    const description = host.querySelector(`#${button().getAttribute('aria-describedby')}`);
    expect(textOf(description)).toBe(
      'Suivez ce sujet pour être notifié de ses changements et des nouveaux commentaires.',
    );
    expect(description?.getAttribute('role')).toBe('status');
    expect(api.received('FollowState')[0].variables).toEqual({ subjectType: 'COMMITMENT', subjectId: 'c1' });
  });

  it('follows, then unfollows, reading the state again after each change', async () => {
    const { host, button, click } = await render();

    await click();
    expect(api.received('FollowSubject')[0].variables).toEqual({
      subjectType: 'COMMITMENT',
      subjectId: 'c1',
    });
    expect(button().getAttribute('aria-pressed')).toBe('true');
    expect(textOf(host.querySelector('[role="status"]'))).toContain('Vous suivez ce sujet :');

    await click();
    expect(api.received('UnfollowSubject')).toHaveLength(1);
    expect(button().getAttribute('aria-pressed')).toBe('false');
    expect(textOf(host.querySelector('[role="status"]'))).toBe('Vous ne suivez plus ce sujet.');
    expect(api.received('FollowState')).toHaveLength(3);
  });

  it('explains a follow that comes from taking part in the subject', async () => {
    state = { following: true, explicit: false };
    const { host, button } = await render();

    expect(button().getAttribute('aria-pressed')).toBe('true');
    expect(textOf(host.querySelector('[role="status"]'))).toBe(
      'Vous suivez ce sujet automatiquement, car votre organisation y participe.',
    );
  });

  it("shows the api's message when the change is refused, and keeps the state", async () => {
    answerWrite = () => ({
      data: null,
      errors: [{ message: 'Engagement introuvable.', extensions: { code: 'NOT_FOUND' } }],
    });
    const { host, button, click } = await render();

    await click();
    expect(textOf(host.querySelector('[role="alert"]'))).toBe('Engagement introuvable.');
    expect(button().getAttribute('aria-pressed')).toBe('false');
  });
});
