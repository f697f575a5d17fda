import { computed, inject, Injectable } from '@angular/core';
import {
  abilityFromPackedRules,
  type Action,
  type AppAbility,
  type PackedRules,
  type SubjectName,
} from '@convergence/shared/domain';
import { SessionStore } from '../auth/session.store';

/**
 * What the signed-in user may do, from the CASL rules the api packs into `me.permissions`, so that
 * pages hide what would be refused. The api still checks everything: this only shapes the screen.
 */
@Injectable({ providedIn: 'root' })
export class PermissionsService {
  private readonly session = inject(SessionStore);

  /** Rebuilt whenever the user (and so their rules) changes; denies everything when signed out. */
  readonly ability = computed<AppAbility>(() =>
    abilityFromPackedRules(packedRulesOf(this.session.user()?.permissions)),
  );

  /**
   * Whether some rule lets the user do `action` on `subject` (on a field of it when given, e.g.
   * `can('update', 'User', 'locale')`). Reactive in templates and computed(): reads a signal.
   */
  can(action: Action, subject: SubjectName, field?: string): boolean {
    return this.ability().can(action, subject, field);
  }

  cannot(action: Action, subject: SubjectName, field?: string): boolean {
    return !this.can(action, subject, field);
  }
}

/** `permissions` is a JSON scalar: anything but a list of packed rules grants nothing. */
function packedRulesOf(value: unknown): PackedRules {
  return Array.isArray(value) && value.every(Array.isArray) ? (value as PackedRules) : [];
}
