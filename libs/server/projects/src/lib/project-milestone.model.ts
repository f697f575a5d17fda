import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ProjectMilestoneEntity } from './project-milestone.entity';

@ObjectType('Milestone', { description: 'A dated step of a project, in plan order.' })
export class MilestoneModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  plannedDate!: string;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD); null until reached.' })
  actualDate!: string | null;
}

export function toMilestoneModel(entity: ProjectMilestoneEntity): MilestoneModel {
  return {
    id: entity.id,
    title: entity.title,
    plannedDate: entity.plannedDate,
    actualDate: entity.actualDate,
  };
}
