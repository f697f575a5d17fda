import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  accessibleBy,
  BadUserInputError,
  ConflictError,
  containsPattern,
  definedOnly,
  ForbiddenError,
  NotFoundError,
  paginate,
  updateVersioned,
  type Actor,
  type Connection,
  type FieldProblem,
  uniqueViolationAs,
} from '@convergence/server/core';
import { OrganizationService } from '@convergence/server/organizations';
import type { AppAbility } from '@convergence/shared/domain';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { hashPassword } from './auth/passwords';
import type { CreateUserInput, UpdateUserArgs, UsersArgs, UserVersionArgs } from './inputs/user-admin.inputs';
import { UserEntity } from './user.entity';

/** PostgreSQL's unique_violation, and the index that keeps e-mail addresses unique. */
const EMAIL_INDEX = 'app_user_email_key';

const EMAIL_TAKEN: FieldProblem = { field: 'email', key: 'validation.emailTaken' };
const OWN_ACCOUNT = 'validation.ownAccount' as const;

/**
 * Accounts, for administrators only (the rule `manage User`): the list, opening an account,
 * changing a person's name, role, organisation or language, deactivating and reactivating.
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly organizations: OrganizationService,
  ) {}

  /** A page of accounts by name, filtered and counted in SQL by the reader's own rules. */
  list(ability: AppAbility, { filter: givenFilter, ...page }: UsersArgs): Promise<Connection<UserEntity>> {
    // A client may send `filter: null` as well as leave it out.
    const filter = givenFilter ?? {};
    const query = this.users.createQueryBuilder('u');
    accessibleBy(query, ability, 'manage', 'User');
    if (filter.search?.trim()) {
      query.andWhere('(u.display_name ILIKE :search OR u.email ILIKE :search)', {
        search: containsPattern(filter.search.trim()),
      });
    }
    if (filter.organizationId) {
      query.andWhere('u.organization_id = :organizationId', { organizationId: filter.organizationId });
    }
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined && filter.active !== null) {
      query.andWhere('u.active = :active', { active: filter.active });
    }
    return paginate(query, page, {
      expression: 'u.display_name',
      direction: 'ASC',
      valueOf: (user) => user.displayName,
    });
  }

  /** A new account the person can sign in with at once, with the initial password given. */
  async create(ability: AppAbility, input: CreateUserInput): Promise<UserEntity> {
    if (!ability.can('manage', 'User')) throw new ForbiddenError();
    await this.checkOrganization(input.organizationId);
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.users.manager.transaction(async (manager) => {
        if (await manager.existsBy(UserEntity, { email: input.email })) {
          throw new BadUserInputError([EMAIL_TAKEN]);
        }
        const { identifiers } = await manager.insert(UserEntity, {
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          locale: input.locale,
          organizationId: input.organizationId,
          passwordHash,
        });
        return manager.findOneByOrFail(UserEntity, { id: identifiers[0]['id'] as string });
      });
    } catch (error) {
      // Two administrators opening the same address at once: the unique index decides.
      return uniqueViolationAs(EMAIL_INDEX, EMAIL_TAKEN)(error);
    }
  }

  /**
   * Name, role, organisation, language: only the fields given change. Administrators cannot take
   * their own administrator role away, so that there is always one left to give it back.
   */
  async update(
    actor: Actor,
    ability: AppAbility,
    { id, version, input }: UpdateUserArgs,
  ): Promise<UserEntity> {
    if (input.role !== undefined && input.role !== 'ADMIN' && id === actor.userId) {
      throw new BadUserInputError([{ field: 'role', key: OWN_ACCOUNT }], OWN_ACCOUNT);
    }
    if (input.organizationId !== undefined) await this.checkOrganization(input.organizationId);
    const changes = definedOnly({
      displayName: input.displayName,
      role: input.role,
      organizationId: input.organizationId,
      locale: input.locale,
    });
    return this.users.manager.transaction(async (manager) => {
      const before = await this.get(ability, id, manager);
      if (before.version !== version) throw new ConflictError();
      if (Object.keys(changes).length === 0) return before;
      return updateVersioned(manager, UserEntity, id, version, changes);
    });
  }

  /**
   * The account can no longer sign in, and every sign-in it has ends at once: its refresh tokens are
   * revoked in the same transaction (access tokens already require an active user, see JwtStrategy).
   */
  async deactivate(actor: Actor, ability: AppAbility, { id, version }: UserVersionArgs): Promise<UserEntity> {
    if (id === actor.userId) throw new BadUserInputError([{ field: 'id', key: OWN_ACCOUNT }], OWN_ACCOUNT);
    return this.setActive(ability, id, version, false);
  }

  /** The account may sign in again; the sessions ended by its deactivation stay ended. */
  reactivate(ability: AppAbility, { id, version }: UserVersionArgs): Promise<UserEntity> {
    return this.setActive(ability, id, version, true);
  }

  private setActive(ability: AppAbility, id: string, version: number, active: boolean): Promise<UserEntity> {
    return this.users.manager.transaction(async (manager) => {
      const before = await this.get(ability, id, manager);
      if (before.version !== version) throw new ConflictError();
      if (before.active === active) return before;
      const after = await updateVersioned(manager, UserEntity, id, version, { active });
      if (!active) {
        await manager
          .getRepository(RefreshTokenEntity)
          .update({ userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
      }
      return after;
    });
  }

  /** The account, or NOT_FOUND; FORBIDDEN to anyone but an administrator, whatever the id. */
  private async get(ability: AppAbility, id: string, manager: EntityManager): Promise<UserEntity> {
    if (!ability.can('manage', 'User')) throw new ForbiddenError();
    const user = await manager.findOneBy(UserEntity, { id });
    if (!user) throw new NotFoundError('User');
    return user;
  }

  private async checkOrganization(organizationId: string): Promise<void> {
    const [found] = await this.organizations.findByIds([organizationId]);
    if (!found) {
      throw new BadUserInputError([
        { field: 'organizationId', key: 'validation.unknownReference', params: { subject: 'Organization' } },
      ]);
    }
  }
}
