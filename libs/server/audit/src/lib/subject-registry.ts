import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { NotFoundError } from '@convergence/server/core';
import { SUBJECT_NAME_OF_TYPE, type AppAbility, type SubjectType } from '@convergence/shared/domain';

export type SubjectReadCheck = (ability: AppAbility, id: string) => Promise<boolean>;

/** What notifications and follows need to know about a subject, whoever asks (server use only). */
export interface SubjectFacts {
  /** Its title (or code and title), as messages name it. */
  title: string;
  /** Organisations taking part: their users follow it without asking. */
  involvedOrganizationIds: string[];
  /**
   * Organisations that answer for it: the lead of a project, the committing organisation of a
   * commitment, the responsible one of an action. Formal questions and reminders go to them.
   */
  responsibleOrganizationIds: string[];
}

export interface SubjectDescriptor {
  canRead: SubjectReadCheck;
  /** Null when the subject does not exist. */
  facts: (id: string) => Promise<SubjectFacts | null>;
}

/**
 * Knows, for every `SubjectType`, whether a reader may read one subject and the facts that
 * notifications need. Each domain library registers its own subject type, so that cross-cutting
 * features (audit trail, comments, follows, notifications) need not depend on every domain.
 */
@Injectable()
export class SubjectRegistry {
  private readonly descriptors = new Map<SubjectType, SubjectDescriptor>();

  register(type: SubjectType, descriptor: SubjectDescriptor): void {
    if (this.descriptors.has(type)) throw new Error(`${type} is already registered`);
    this.descriptors.set(type, descriptor);
  }

  private descriptor(type: SubjectType): SubjectDescriptor {
    const descriptor = this.descriptors.get(type);
    if (!descriptor) throw new Error(`No subject registered for ${type}`);
    return descriptor;
  }

  canRead(ability: AppAbility, type: SubjectType, id: string): Promise<boolean> {
    return this.descriptor(type).canRead(ability, id);
  }

  facts(type: SubjectType, id: string): Promise<SubjectFacts | null> {
    return isUUID(id, 'all') ? this.descriptor(type).facts(id) : Promise.resolve(null);
  }

  /** NOT_FOUND, exactly as for a subject that does not exist, when the reader may not read it. */
  async assertReadable(ability: AppAbility, type: SubjectType, id: string): Promise<void> {
    if (!(await this.canRead(ability, type, id))) throw new NotFoundError(SUBJECT_NAME_OF_TYPE[type]);
  }
}

/** The read check of a subject whose service can list the readable ones among some ids. */
export function readCheckOf(
  readableByIds: (ability: AppAbility, ids: readonly string[]) => Promise<unknown[]>,
): SubjectReadCheck {
  return async (ability, id) => isUUID(id, 'all') && (await readableByIds(ability, [id])).length === 1;
}
