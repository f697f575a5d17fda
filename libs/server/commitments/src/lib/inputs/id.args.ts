import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/** `convention(id)` and `commitment(id)`. */
@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;
}
