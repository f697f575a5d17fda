import { createMongoAbility } from '@casl/ability';
import { packRules, unpackRules, type PackRule } from '@casl/ability/extra';
import type { AppAbility } from './ability';

type AppRawRule = AppAbility['rules'][number];

/** The compact form of an ability's rules sent to the web app as `me.permissions`. */
export type PackedRules = PackRule<AppRawRule>[];

export function packAbility(ability: AppAbility): PackedRules {
  return packRules(ability.rules);
}

/** Rebuilds on the client the ability the server computed (used to show only allowed actions). */
export function abilityFromPackedRules(packed: PackedRules): AppAbility {
  return createMongoAbility<AppAbility>(unpackRules<AppRawRule>(packed));
}
