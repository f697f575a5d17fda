import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { anySignedInUser, CheckPolicies, CurrentActor, Public, type Actor } from '@convergence/server/core';
import { LoginArgs, RefreshSessionArgs } from '../inputs/login.args';
import { toUserModel } from '../user.model';
import { AuthPayloadModel } from './auth-payload.model';
import { AuthService, type Session } from './auth.service';

function toPayload(session: Session): AuthPayloadModel {
  return { ...session, user: toUserModel(session.user) };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(@Args() { email, password }: LoginArgs): Promise<AuthPayloadModel> {
    return toPayload(await this.auth.login(email, password));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Rotates the refresh token: the one sent is spent.' })
  async refreshSession(@Args() { refreshToken }: RefreshSessionArgs): Promise<AuthPayloadModel> {
    return toPayload(await this.auth.refresh(refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Ends this sign-in: its refresh and access tokens stop working.' })
  @CheckPolicies(anySignedInUser)
  async logout(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.logout(actor);
    return true;
  }
}
