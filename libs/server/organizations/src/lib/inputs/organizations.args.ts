import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { IsTerritoryCode } from '@convergence/server/territories';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@convergence/shared/domain';
import { OrganizationKindEnum } from '../organization.model';

@ArgsType()
export class OrganizationsArgs {
  @Field(() => OrganizationKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @Field({ nullable: true, description: 'That territory and everything under it.' })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string;
}
