import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../user.model';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Bearer token for the Authorization header; short-lived.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Good for one refreshSession call, which returns the next one.' })
  refreshToken!: string;

  @Field(() => UserModel)
  user!: UserModel;
}
