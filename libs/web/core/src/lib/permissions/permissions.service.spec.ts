import { TestBed } from '@angular/core/testing';
import { defineAbilityFor, NATIONAL_SCOPE, packAbility } from '@convergence/shared/domain';
import { fakeTokens, fakeUser } from '../../testing';
import { SessionStore } from '../auth/session.store';
import { PermissionsService } from './permissions.service';

describe('PermissionsService', () => {
  let session: SessionStore;
  let permissions: PermissionsService;

  beforeEach(() => {
    localStorage.clear();
    session = TestBed.inject(SessionStore);
    permissions = TestBed.inject(PermissionsService);
  });

  function signInWith(packedRules: unknown): void {
    session.begin(fakeTokens('A1', 'R1'), fakeUser({ permissions: packedRules }));
  }

  it('denies everything while signed out', () => {
    expect(permissions.can('read', 'Territory')).toBe(false);
    expect(permissions.can('manage', 'all')).toBe(false);
  });

  it('grants only what the packed rules of the signed-in user grant', () => {
    signInWith([
      ['read', 'Territory'],
      ['read', 'Organization', { regionCode: '06' }],
    ]);

    expect(permissions.can('read', 'Territory')).toBe(true);
    expect(permissions.can('read', 'Organization')).toBe(true);
    expect(permissions.can('update', 'Organization')).toBe(false);
    expect(permissions.can('manage', 'all')).toBe(false);
    expect(permissions.cannot('delete', 'User')).toBe(true);
  });

  it('answers for a single field when rules are limited to fields', () => {
    signInWith([['update', 'User', { id: 'user-1' }, 0, 'locale']]);

    expect(permissions.can('update', 'User', 'locale')).toBe(true);
    expect(permissions.can('update', 'User', 'role')).toBe(false);
  });

  it('understands the rules the api packs for an administrator', () => {
    const admin = defineAbilityFor({
      userId: 'user-1',
      role: 'ADMIN',
      organizationId: 'org-1',
      scope: NATIONAL_SCOPE,
    });
    signInWith(packAbility(admin));

    expect(permissions.can('manage', 'all')).toBe(true);
    expect(permissions.can('delete', 'Organization')).toBe(true);
  });

  it('follows the session: a new user brings new rules, signing out removes them', () => {
    signInWith([['manage', 'all']]);
    expect(permissions.can('update', 'User')).toBe(true);

    signInWith([['read', 'Territory']]);
    expect(permissions.can('update', 'User')).toBe(false);

    session.clear();
    expect(permissions.can('read', 'Territory')).toBe(false);
  });

  it('grants nothing when permissions are not a list of packed rules', () => {
    signInWith({ manage: 'all' });

    expect(permissions.can('manage', 'all')).toBe(false);
  });
});
