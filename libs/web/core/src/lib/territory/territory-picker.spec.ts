import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FakeApi, fakeTokens, fakeUser, provideFakeApi, provideTranslocoTesting } from '../../testing';
import { SessionStore } from '../auth/session.store';
import type { TerritoryKind } from '../graphql/generated';
import { TerritoryPicker, territoryPath } from './territory-picker';

const territory = (code: string, kind: TerritoryKind, nameFr: string) => ({
  __typename: 'Territory' as const,
  code,
  kind,
  nameFr,
  nameAr: `${nameFr} (ar)`,
});

/** What the api answers for `territories(parentCode)`: two regions, one prefecture, one commune. */
const CHILDREN: Record<string, ReturnType<typeof territory>[]> = {
  '': [territory('06', 'REGION', 'Casablanca-Settat'), territory('07', 'REGION', 'Marrakech-Safi')],
  '06': [territory('06.141', 'PREFECTURE', 'Casablanca')],
  '06.141': [territory('06.141.01.0', 'COMMUNE', 'Ain Chock')],
};

@Component({
  imports: [TerritoryPicker],
  template: `<cv-territory-picker [(code)]="code" />`,
})
class Host {
  readonly code = signal<string | null>(null);
}

describe('TerritoryPicker', () => {
  let api: FakeApi;

  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi((request) => ({
      data: { territories: CHILDREN[(request.variables['parentCode'] as string | null) ?? ''] ?? [] },
    }));
    TestBed.configureTestingModule({ providers: [provideFakeApi(api), provideTranslocoTesting()] });
  });

  async function render(userTerritory: ReturnType<typeof territory> | null, code: string | null = null) {
    const user = fakeUser();
    TestBed.inject(SessionStore).begin(
      fakeTokens('A1', 'R1'),
      fakeUser({ organization: { ...user.organization, territory: userTerritory } }),
    );
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.code.set(code);
    await settle(fixture);
    const selects = () => Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('select'));
    const choose = async (index: number, value: string) => {
      selects()[index].value = value;
      selects()[index].dispatchEvent(new Event('change'));
      await settle(fixture);
    };
    return { fixture, selects, choose };
  }

  async function settle(fixture: { whenStable(): Promise<unknown> }) {
    for (let round = 0; round < 3; round++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  it('splits an HCP code into its region, prefecture or province, and commune', () => {
    expect(territoryPath('06.141.01.0')).toEqual(['06', '06.141', '06.141.01.0']);
    expect(territoryPath('06.141')).toEqual(['06', '06.141']);
    expect(territoryPath('06')).toEqual(['06']);
    expect(territoryPath(null)).toEqual([]);
  });

  it('starts a national user at the regions and goes down one level per choice', async () => {
    const { fixture, selects, choose } = await render(null);

    expect(selects()).toHaveLength(1);
    expect(Array.from(selects()[0].options).map((option) => option.value)).toEqual(['', '06', '07']);

    await choose(0, '06');
    expect(fixture.componentInstance.code()).toBe('06');
    expect(selects()).toHaveLength(2);
    expect(api.received('Territories').map((request) => request.variables['parentCode'])).toEqual([
      null,
      '06',
    ]);

    await choose(1, '06.141');
    expect(fixture.componentInstance.code()).toBe('06.141');
    expect(selects()).toHaveLength(3);

    // "All" at a level means the level above; at the top, everything the user may read.
    await choose(1, '');
    expect(fixture.componentInstance.code()).toBe('06');
    await choose(0, '');
    expect(fixture.componentInstance.code()).toBeNull();
  });

  it('offers a regional user only what lies under their region, and shows a choice made by URL', async () => {
    const { selects } = await render(territory('06', 'REGION', 'Casablanca-Settat'), '06.141');

    expect(api.received('Territories').map((request) => request.variables['parentCode'])).not.toContain(null);
    expect(selects()).toHaveLength(2);
    expect(selects()[0].value).toBe('06.141');
    expect(selects()[0].selectedOptions[0].textContent?.trim()).toBe('Casablanca');
  });

  it('has nothing to offer a commune-level user', async () => {
    const { selects } = await render(territory('06.141.01.0', 'COMMUNE', 'Ain Chock'));

    expect(selects()).toHaveLength(0);
  });
});
