import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@convergence/server/core';
import { SUBJECT_NAME_OF_TYPE, type AppAbility, type SubjectType } from '@convergence/shared/domain';

/**
 * Says whether a reader may read one subject. Each domain library registers the check for its own
 * subject type, so that cross-cutting features (audit trail, comments, follows) ask "may this
 * person read PROJECT x?" without depending on every domain.
 */
export type SubjectReadCheck = (ability: AppAbility, id: string) => Promise<boolean>;

@Injectable()
export class SubjectRegistry {
  private readonly checks = new Map<SubjectType, SubjectReadCheck>();

  register(type: SubjectType, check: SubjectReadCheck): void {
    if (this.checks.has(type)) throw new Error(`A read check for ${type} is already registered`);
    this.checks.set(type, check);
  }

  async canRead(ability: AppAbility, type: SubjectType, id: string): Promise<boolean> {
    const check = this.checks.get(type);
    if (!check) throw new Error(`No read check registered for ${type}`);
    return check(ability, id);
  }

  /** NOT_FOUND, exactly as for a subject that does not exist, when the reader may not read it. */
  async assertReadable(ability: AppAbility, type: SubjectType, id: string): Promise<void> {
    if (!(await this.canRead(ability, type, id))) throw new NotFoundError(SUBJECT_NAME_OF_TYPE[type]);
  }
}
