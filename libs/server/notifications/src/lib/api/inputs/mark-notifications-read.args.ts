import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';

/** At most a page's worth per call; without ids, everything is marked read in one statement. */
export const MAX_MARK_READ_IDS = 100;

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], {
    nullable: true,
    description: `Your notifications to mark read (at most ${MAX_MARK_READ_IDS}); none: all of them. Others' ids are ignored.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MARK_READ_IDS, { context: { max: MAX_MARK_READ_IDS } })
  @IsUUID('all', { each: true })
  ids?: string[] | null;
}
