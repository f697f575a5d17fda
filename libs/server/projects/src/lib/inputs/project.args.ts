import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class ProjectArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;
}
