import { ORG } from '@convergence/server/demo';
import { OrganizationEntity } from '@convergence/server/organizations';
import { createUser } from '../factories';
import { missingId, onlyObject, type CaseContext, type PreparedRequest } from './observe';
import { unique } from './world';
import type { OperationSpec } from './operations';

/**
 * Administration (issue #5): accounts and organisations. Each write works on a row of its own,
 * created for the case, so that an allowed change never touches a demo persona or another case.
 */

type Connection = { totalCount: number; edges: { node: { id: string } }[] };

/** A fresh account of the utility's, as the factory opens one (version 1, active unless told). */
async function freshUser(ctx: CaseContext, active = true): Promise<string> {
  const user = await createUser(ctx.dataSource, { organizationName: ORG.lydec, emailPrefix: 'pm-admin' });
  if (!active) await ctx.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]);
  return user.id;
}

/** A write on a fresh account: `mutation` takes `$id`; `changed` reads the returned account. */
function accountWrite(
  field: string,
  mutation: string,
  changed: (user: Record<string, unknown>) => boolean,
  active = true,
): OperationSpec {
  return {
    scopes: [],
    prepare: async (ctx): Promise<PreparedRequest> => ({
      query: mutation,
      variables: { id: await freshUser(ctx, active) },
      missing: { id: missingId() },
      judge: (data) => {
        const user = data[field] as Record<string, unknown> | null;
        if (!user) return false;
        return changed(user) || `not changed as asked: ${JSON.stringify(user)}`;
      },
    }),
  };
}

export const ADMIN_OPERATIONS: Record<string, OperationSpec> = {
  /** The utility's contributor, found by address: ALLOWED shows exactly that account. */
  users: {
    scopes: [],
    prepare: (ctx) => ({
      query: `query ($filter: UserFilter) { users(filter: $filter, first: 100) { totalCount edges { node { id } } } }`,
      variables: { filter: { search: 'lydec@demo.convergence.ma' } },
      judge: (data) =>
        onlyObject(data['users'] as Connection, ctx.world.userIdOf('lydec@demo.convergence.ma')),
    }),
  },
  createUser: {
    scopes: [],
    prepare: (ctx) => {
      const email = `${unique('pm-new-user')}@matrix.convergence.test`;
      return {
        query: `mutation ($input: CreateUserInput!) { createUser(input: $input) { id email organization { id } } }`,
        variables: {
          input: {
            email,
            displayName: 'Compte de test',
            role: 'PARTNER_CONTRIBUTOR',
            organizationId: ctx.world.organizationId(ORG.lydec),
            locale: 'fr',
            password: 'Mot-de-passe-initial-42',
          },
        },
        judge: (data) => {
          const user = data['createUser'] as { email: string; organization: { id: string } } | null;
          if (!user) return false;
          return (
            (user.email === email && user.organization.id === ctx.world.organizationId(ORG.lydec)) ||
            `not created as asked: ${JSON.stringify(user)}`
          );
        },
      };
    },
  },
  updateUser: accountWrite(
    'updateUser',
    'mutation ($id: ID!) { updateUser(id: $id, version: 1, input: { role: AUTHORITY_AGENT }) { id role version } }',
    (user) => user['role'] === 'AUTHORITY_AGENT' && user['version'] === 2,
  ),
  deactivateUser: accountWrite(
    'deactivateUser',
    'mutation ($id: ID!) { deactivateUser(id: $id, version: 1) { id active version } }',
    (user) => user['active'] === false && user['version'] === 2,
  ),
  reactivateUser: accountWrite(
    'reactivateUser',
    'mutation ($id: ID!) { reactivateUser(id: $id, version: 1) { id active version } }',
    (user) => user['active'] === true && user['version'] === 2,
    false,
  ),
  createOrganization: {
    scopes: [],
    prepare: () => {
      const name = unique('PM-NEW-ORG');
      return {
        query: `mutation ($input: CreateOrganizationInput!) {
          createOrganization(input: $input) { id name territory { code } }
        }`,
        variables: { input: { name, kind: 'OTHER_PARTNER', territoryCode: '06' } },
        judge: (data) => {
          const organization = data['createOrganization'] as {
            name: string;
            territory: { code: string };
          } | null;
          if (!organization) return false;
          return (
            (organization.name === name && organization.territory.code === '06') ||
            `not created as asked: ${JSON.stringify(organization)}`
          );
        },
      };
    },
  },
  /** A fresh organisation of the case's own, renamed. */
  updateOrganization: {
    scopes: [],
    prepare: async (ctx) => {
      const { identifiers } = await ctx.dataSource.getRepository(OrganizationEntity).insert({
        name: unique('PM-ORG'),
        kind: 'OTHER_PARTNER',
        territoryCode: null,
        regionCode: null,
        provinceCode: null,
      });
      const name = unique('PM-ORG-RENAMED');
      return {
        query: `mutation ($id: ID!, $name: String!) {
          updateOrganization(id: $id, version: 1, input: { name: $name }) { id name version }
        }`,
        variables: { id: identifiers[0]['id'] as string, name },
        missing: { id: missingId(), name },
        judge: (data) => {
          const organization = data['updateOrganization'] as { name: string; version: number } | null;
          if (!organization) return false;
          return (
            (organization.name === name && organization.version === 2) ||
            `not changed as asked: ${JSON.stringify(organization)}`
          );
        },
      };
    },
  },
};
