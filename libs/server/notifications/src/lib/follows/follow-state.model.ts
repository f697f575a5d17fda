import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('FollowState', { description: 'Whether you follow a subject, and why.' })
export class FollowStateModel {
  @Field({ description: 'Whether you hear about what happens to it.' })
  following!: boolean;

  @Field({
    description:
      'True when you followed or unfollowed it yourself; false when it comes from your organisation taking part in it.',
  })
  explicit!: boolean;
}
