import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
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
import { adminRoutes } from '../admin.routes';
import type { AdminUserRowFragment } from '../data-access/generated';
import {
  ADMIN,
  badUserInput,
  conflict,
  LYDEC,
  MINISTRY,
  MINISTRY_OFFICIAL,
  SAO_CS,
  SELF,
  user,
  usersConnection,
} from '../testing/admin-fixtures';

@Component({ template: '<p>dashboard</p>' })
class DashboardPage {}

const SAO_MANAGER = user();
const LYDEC_CONTRIBUTOR = user({
  id: 'user-lydec',
  email: 'lydec@demo.convergence.ma',
  displayName: 'Mehdi Tazi',
  role: 'PARTNER_CONTRIBUTOR',
  organization: { __typename: 'Organization', id: LYDEC.id, name: LYDEC.name, acronym: LYDEC.acronym },
} as Partial<AdminUserRowFragment>);

describe('/admin/users', () => {
  let api: FakeApi;
  let users: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;
  let mutation: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

  beforeEach(() => {
    localStorage.clear();
    users = () => ({ data: { users: usersConnection([SELF, SAO_MANAGER, LYDEC_CONTRIBUTOR]) } });
    mutation = () => new Error('no mutation expected');
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'AdminUsers':
          return users(request);
        case 'AdminOrganizations':
          return { data: { organizations: [SAO_CS, MINISTRY, LYDEC] } };
        case 'AdminCreateUser':
        case 'AdminUpdateUser':
        case 'AdminDeactivateUser':
        case 'AdminReactivateUser':
          return mutation(request);
        default:
          return new Error(`unexpected ${request.operationName}`);
      }
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'admin', children: adminRoutes },
            { path: 'dashboard', component: DashboardPage },
          ],
          withComponentInputBinding(),
        ),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
  });

  async function open(url = '/admin/users', permissions: unknown = ADMIN) {
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser({ id: 'admin-1', permissions }));
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
    const text = () => page().textContent ?? '';
    const rowOf = (name: string) =>
      Array.from(page().querySelectorAll<HTMLElement>('tbody tr')).find((row) =>
        row.querySelector('th')?.textContent?.includes(name),
      );
    const button = (label: string, root: HTMLElement = page()) =>
      Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((candidate) =>
        candidate.textContent?.includes(label),
      );
    const panel = () => page().querySelector<HTMLElement>('.cv-admin-panel');
    const inPanel = (label: string) => button(label, panel() ?? page());
    const field = (name: string) => {
      const element = panel()?.querySelector<HTMLInputElement | HTMLSelectElement>(
        `[formcontrolname="${name}"]`,
      );
      if (!element) throw new Error(`no field ${name}`);
      return element;
    };
    const type = async (name: string, value: string) => {
      const element = field(name);
      element.value = value;
      element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
      element.dispatchEvent(new Event('blur'));
      await settle();
    };
    const errorOf = (name: string) =>
      field(name).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim();
    const click = async (element: HTMLElement | undefined) => {
      if (!element) throw new Error('nothing to click');
      element.click();
      await settle();
    };
    return { harness, page, text, rowOf, button, inPanel, panel, field, type, errorOf, click, settle };
  }

  describe('route guard', () => {
    it('sends anyone who may not manage users to the dashboard', async () => {
      await open('/admin/users', MINISTRY_OFFICIAL);

      expect(TestBed.inject(Router).url).toBe('/dashboard');
      expect(api.received('AdminUsers')).toHaveLength(0);
    });

    it('opens the users section for an administrator, with one h1 and the section tabs', async () => {
      const { page, rowOf } = await open('/admin');

      expect(TestBed.inject(Router).url).toBe('/admin/users');
      expect(page().querySelectorAll('h1')).toHaveLength(1);
      const current = page().querySelector('nav a[aria-current="page"]');
      expect(current?.textContent).toContain('admin.tabs.users');
      expect(rowOf('Youssef Bennani')?.textContent).toContain('role.SUBSIDIARY_MANAGER');
      expect(rowOf('Youssef Bennani')?.textContent).toContain('SAO Casablanca-Settat');
    });

    it('shows the table in a keyboard-scrollable region, e-mails breakable only before "@" and "."', async () => {
      const { page, rowOf } = await open('/admin/users');

      const region = page().querySelector('[role="region"]');
      expect(region?.getAttribute('tabindex')).toBe('0');
      expect(region?.getAttribute('aria-label')).toBe('admin.users.table.caption');
      expect(region?.querySelector('table')).not.toBeNull();
      const email = rowOf('Youssef Bennani')?.querySelector('.cv-admin-email span');
      expect(email?.textContent).toBe('sao@demo.convergence.ma');
      expect(email?.querySelectorAll('wbr')).toHaveLength(3);
    });
  });

  it('filters as the URL says, and puts the filters it is given into the URL', async () => {
    const { page, settle } = await open(
      '/admin/users?role=PARTNER_CONTRIBUTOR&active=false&organization=org-lydec',
    );

    expect(api.received('AdminUsers')[0].variables).toEqual({
      filter: { role: 'PARTNER_CONTRIBUTOR', active: false, organizationId: 'org-lydec' },
      first: 25,
      after: null,
    });

    const search = page().querySelector<HTMLInputElement>('input[type="search"]');
    if (!search) throw new Error('no search box');
    search.value = 'tazi';
    search.dispatchEvent(new Event('input'));
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();

    expect(TestBed.inject(Router).url).toContain('search=tazi');
    expect(api.received('AdminUsers').at(-1)?.variables['filter']).toEqual({
      search: 'tazi',
      role: 'PARTNER_CONTRIBUTOR',
      active: false,
      organizationId: 'org-lydec',
    });
  });

  it('never offers administrators to deactivate themselves', async () => {
    const { rowOf, button } = await open();

    expect(rowOf('Salma Berrada')?.textContent).toContain('admin.users.you');
    expect(button('admin.users.deactivate', rowOf('Salma Berrada'))).toBeUndefined();
    expect(button('admin.users.deactivate', rowOf('Youssef Bennani'))).toBeDefined();
  });

  describe('opening an account', () => {
    it('says what is missing or wrong next to each field and sends nothing', async () => {
      const { button, inPanel, click, errorOf, type, panel } = await open();
      await click(button('admin.users.new'));

      expect(panel()?.querySelector('h3')?.textContent).toContain('admin.userForm.createHeading');
      await click(inPanel('admin.userForm.create'));

      expect(errorOf('email')).toBe('admin.userForm.errors.emailRequired');
      expect(errorOf('displayName')).toBe('admin.userForm.errors.displayNameRequired');
      expect(errorOf('organizationId')).toBe('admin.userForm.errors.organizationRequired');
      expect(errorOf('password')).toBe('admin.userForm.errors.passwordRequired');

      await type('email', 'amina.tahiri');
      await type('password', 'court');
      await click(inPanel('admin.userForm.create'));

      expect(errorOf('email')).toBe('admin.userForm.errors.emailInvalid');
      expect(errorOf('password')).toBe('admin.userForm.errors.passwordTooShort');
      expect(api.received('AdminCreateUser')).toHaveLength(0);
    });

    it('sends what was typed, then announces the new account and reloads the list', async () => {
      mutation = () => ({
        data: {
          createUser: user({ id: 'user-new', email: 'amina.tahiri@lydec.ma', displayName: 'Amina Tahiri' }),
        },
      });
      const { button, inPanel, click, type, panel, page } = await open();
      await click(button('admin.users.new'));

      await type('email', ' amina.tahiri@lydec.ma ');
      await type('displayName', ' Amina Tahiri ');
      await type('role', 'PARTNER_CONTRIBUTOR');
      await type('organizationId', LYDEC.id);
      await type('locale', 'ar');
      await type('password', 'Un-mot-de-passe-long!');
      const loadsBefore = api.received('AdminUsers').length;
      await click(inPanel('admin.userForm.create'));

      expect(api.received('AdminCreateUser').map((request) => request.variables)).toEqual([
        {
          input: {
            email: 'amina.tahiri@lydec.ma',
            displayName: 'Amina Tahiri',
            role: 'PARTNER_CONTRIBUTOR',
            organizationId: LYDEC.id,
            locale: 'ar',
            password: 'Un-mot-de-passe-long!',
          },
        },
      ]);
      expect(panel()).toBeNull();
      expect(page().querySelector('[role="status"].cv-admin-notice')?.textContent).toContain(
        'admin.users.created',
      );
      expect(api.received('AdminUsers').length).toBe(loadsBefore + 1);
    });

    it("puts the api's field messages under their fields and keeps what was typed", async () => {
      mutation = () =>
        badUserInput([
          { field: 'email', message: 'Un compte utilise déjà cette adresse e-mail.' },
          { field: 'password', message: '12 caractères au minimum.' },
        ]);
      const { button, inPanel, click, type, panel, errorOf, field } = await open();
      await click(button('admin.users.new'));
      await type('email', 'sao@demo.convergence.ma');
      await type('displayName', 'Youssef Bennani');
      await type('organizationId', SAO_CS.id);
      await type('password', 'Un-mot-de-passe-long!');
      await click(inPanel('admin.userForm.create'));

      expect(errorOf('email')).toBe('Un compte utilise déjà cette adresse e-mail.');
      expect(errorOf('password')).toBe('12 caractères au minimum.');
      expect(panel()?.querySelector('[role="alert"]')?.textContent).toContain(
        'Certaines valeurs saisies sont invalides.',
      );
      expect(field('email').value).toBe('sao@demo.convergence.ma');
      expect(field('displayName').value).toBe('Youssef Bennani');
      expect(document.activeElement).toBe(field('email'));
    });
  });

  describe('changing an account', () => {
    it('sends only what changed, with the version read', async () => {
      mutation = () => ({
        data: { updateUser: { ...SAO_MANAGER, role: 'AUTHORITY_AGENT', version: 2 } },
      });
      const { button, inPanel, click, type, panel, rowOf } = await open();
      await click(button('common.edit', rowOf('Youssef Bennani')));

      expect(panel()?.querySelector('h3')?.textContent).toContain('admin.userForm.editHeading');
      expect(document.activeElement).toBe(panel()?.querySelector('h3'));
      await type('role', 'AUTHORITY_AGENT');
      await click(inPanel('common.save'));

      expect(api.received('AdminUpdateUser').map((request) => request.variables)).toEqual([
        { id: SAO_MANAGER.id, version: 1, input: { role: 'AUTHORITY_AGENT' } },
      ]);
      expect(rowOf('Youssef Bennani')?.textContent).toContain('role.AUTHORITY_AGENT');
    });

    it('when someone else changed it first: says so, reloads it, keeps what was typed, sends only that with the new version', async () => {
      let answers = [
        conflict(),
        {
          data: { updateUser: { ...SAO_MANAGER, organization: LYDEC_CONTRIBUTOR.organization, version: 3 } },
        },
      ];
      mutation = () => answers.shift() ?? new Error('no more answers');
      const { button, inPanel, click, type, panel, rowOf, field } = await open();
      await click(button('common.edit', rowOf('Youssef Bennani')));
      users = (request) =>
        request.variables['filter'] && (request.variables['filter'] as { search?: string }).search
          ? { data: { users: usersConnection([{ ...SAO_MANAGER, displayName: 'Y. Bennani', version: 2 }]) } }
          : { data: { users: usersConnection([SELF, SAO_MANAGER, LYDEC_CONTRIBUTOR]) } };
      await type('organizationId', LYDEC.id);
      await click(inPanel('common.save'));

      expect(panel()?.querySelector('[role="alert"]')?.textContent).toContain('common.updatedMeanwhile');
      expect(api.received('AdminUsers').at(-1)?.variables['filter']).toEqual({ search: SAO_MANAGER.email });
      expect(field('organizationId').value).toBe(LYDEC.id);
      // The other administrator's new name replaces the untouched one: the retry must not undo it.
      expect(field('displayName').value).toBe('Y. Bennani');

      await click(inPanel('common.save'));
      expect(api.received('AdminUpdateUser').map((request) => request.variables)).toEqual([
        { id: SAO_MANAGER.id, version: 1, input: { organizationId: LYDEC.id } },
        { id: SAO_MANAGER.id, version: 2, input: { organizationId: LYDEC.id } },
      ]);
      answers = [];
    });

    it("a retry after a conflict keeps the other administrator's role and language, and sends only the name typed", async () => {
      const answers: FakeResponse[] = [
        conflict(),
        {
          data: {
            updateUser: { ...SAO_MANAGER, displayName: 'Y. Bennani', role: 'AUTHORITY_AGENT', version: 3 },
          },
        },
      ];
      mutation = () => answers.shift() ?? new Error('no more answers');
      const { button, inPanel, click, type, rowOf, field } = await open();
      await click(button('common.edit', rowOf('Youssef Bennani')));
      const changed = {
        ...SAO_MANAGER,
        role: 'AUTHORITY_AGENT',
        locale: 'ar',
        version: 2,
      } as AdminUserRowFragment;
      users = () => ({ data: { users: usersConnection([SELF, changed, LYDEC_CONTRIBUTOR]) } });
      await type('displayName', 'Y. Bennani');
      await click(inPanel('common.save'));

      expect(field('displayName').value).toBe('Y. Bennani');
      expect(field('role').value).toBe('AUTHORITY_AGENT');
      expect(field('locale').value).toBe('ar');
      await click(inPanel('common.save'));

      expect(api.received('AdminUpdateUser').map((request) => request.variables)).toEqual([
        { id: SAO_MANAGER.id, version: 1, input: { displayName: 'Y. Bennani' } },
        { id: SAO_MANAGER.id, version: 2, input: { displayName: 'Y. Bennani' } },
      ]);
    });

    it('does not let administrators change their own role', async () => {
      const { button, click, panel, rowOf, field } = await open();
      await click(button('common.edit', rowOf('Salma Berrada')));

      expect(field('role').disabled).toBe(true);
      expect(panel()?.textContent).toContain('admin.userForm.ownRoleHint');
    });
  });

  describe('deactivating', () => {
    it('asks first, sends nothing until confirmed, then shows the account deactivated', async () => {
      mutation = () => ({ data: { deactivateUser: { ...SAO_MANAGER, active: false, version: 2 } } });
      const { button, inPanel, click, panel, rowOf, page } = await open();
      await click(button('admin.users.deactivate', rowOf('Youssef Bennani')));

      expect(panel()?.querySelector('h3')?.textContent).toContain('admin.statusConfirm.deactivateHeading');
      expect(panel()?.textContent).toContain('admin.statusConfirm.deactivateText');
      expect(api.received('AdminDeactivateUser')).toHaveLength(0);

      await click(inPanel('common.cancel'));
      expect(panel()).toBeNull();
      expect(api.received('AdminDeactivateUser')).toHaveLength(0);

      await click(button('admin.users.deactivate', rowOf('Youssef Bennani')));
      await click(inPanel('admin.statusConfirm.confirmDeactivate'));

      expect(api.received('AdminDeactivateUser').map((request) => request.variables)).toEqual([
        { id: SAO_MANAGER.id, version: 1 },
      ]);
      expect(panel()).toBeNull();
      expect(rowOf('Youssef Bennani')?.textContent).toContain('admin.users.states.inactiveOne');
      expect(button('admin.users.reactivate', rowOf('Youssef Bennani'))).toBeDefined();
      expect(page().querySelector('.cv-admin-notice')?.textContent).toContain('admin.users.deactivated');
    });

    it('shows the conflict and asks again about the account as it now is', async () => {
      mutation = () => conflict();
      const { button, inPanel, click, panel, rowOf } = await open();
      await click(button('admin.users.deactivate', rowOf('Youssef Bennani')));
      users = () => ({ data: { users: usersConnection([{ ...SAO_MANAGER, active: false, version: 2 }]) } });
      await click(inPanel('admin.statusConfirm.confirmDeactivate'));

      expect(panel()?.textContent).toContain('common.updatedMeanwhile');
      expect(panel()?.querySelector('h3')?.textContent).toContain('admin.statusConfirm.reactivateHeading');
      expect(rowOf('Youssef Bennani')?.textContent).toContain('admin.users.states.inactiveOne');
    });
  });

  it('shows an empty state that tells what to do, and the error panel with retry', async () => {
    users = () => ({ data: { users: usersConnection([]) } });
    const empty = await open();
    expect(empty.text()).toContain('admin.users.empty.title');
    expect(empty.text()).toContain('admin.users.empty.hint');
  });

  it('shows a failed load with a retry', async () => {
    users = () => new TypeError('Failed to fetch');
    const { text, button, click } = await open();
    expect(text()).toContain('errors.NETWORK');

    users = () => ({ data: { users: usersConnection([SAO_MANAGER]) } });
    await click(button('common.retry'));
    expect(text()).toContain('Youssef Bennani');
  });
});
