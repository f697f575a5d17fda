import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  anySignedInUser,
  CheckPolicies,
  CurrentActor,
  Public,
  type Actor,
  type GraphqlContext,
} from '@convergence/server/core';
import { LoginArgs, RefreshSessionArgs } from '../inputs/login.args';
import { toUserModel } from '../user.model';
import { AuthPayloadModel } from './auth-payload.model';
import { AuthService, type Session } from './auth.service';

/** From here on the request acts as the signed-in user, so the payload's `user` resolves like `me`. */
function toPayload(session: Session, context: GraphqlContext): AuthPayloadModel {
  context.req.user = session.actor;
  // An ability computed for a previous bearer token of this request no longer applies.
  context.req.ability = undefined;
  const { accessToken, accessTokenExpiresAt, refreshToken, user } = session;
  return { accessToken, accessTokenExpiresAt, refreshToken, user: toUserModel(user) };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(
    @Args() { email, password }: LoginArgs,
    @Context() context: GraphqlContext,
  ): Promise<AuthPayloadModel> {
    return toPayload(await this.auth.login(email, password), context);
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Rotates the refresh token: the one sent is spent.' })
  async refreshSession(
    @Args() { refreshToken }: RefreshSessionArgs,
    @Context() context: GraphqlContext,
  ): Promise<AuthPayloadModel> {
    return toPayload(await this.auth.refresh(refreshToken), context);
  }

  @Mutation(() => Boolean, { description: 'Ends this sign-in: its refresh and access tokens stop working.' })
  @CheckPolicies(anySignedInUser)
  async logout(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.logout(actor);
    return true;
  }
}
