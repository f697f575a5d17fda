import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  CheckPolicies,
  CurrentAbility,
  requestedLocale,
  type AuthenticatedRequest,
} from '@convergence/server/core';
import { ActionService, ActionsArgs } from '@convergence/server/actions';
import { CommitmentService, CommitmentsArgs } from '@convergence/server/commitments';
import { ProjectService, ProjectsArgs } from '@convergence/server/projects';
import { DEFAULT_LOCALE, isLocale, type AppAbility, type Locale } from '@convergence/shared/domain';
import { ACTION_EXPORT } from './action-export';
import { COMMITMENT_EXPORT } from './commitment-export';
import { CsvExportService } from './csv-export.service';
import { exportArguments } from './export-request';
import { PROJECT_EXPORT } from './project-export';

type ExportQuery = Record<string, unknown>;

/**
 * CSV downloads of the projects, commitments and actions lists: same `filter`/`orderBy` (as JSON in
 * the query string), same scope and order as the GraphQL lists, for a signed-in user (Bearer token).
 * Headers are in `?lang=` if given, else the Accept-Language, else the user's language.
 */
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly csv: CsvExportService,
    private readonly projects: ProjectService,
    private readonly commitments: CommitmentService,
    private readonly actions: ActionService,
  ) {}

  @Get('projects.csv')
  @CheckPolicies((ability) => ability.can('read', 'Project'))
  async exportProjects(
    @CurrentAbility() ability: AppAbility,
    @Query() query: ExportQuery,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    const args = await exportArguments(ProjectsArgs, query);
    const list = await this.projects.listQuery(ability, args);
    await this.csv.send(response, PROJECT_EXPORT, list, localeOf(request, query));
  }

  @Get('commitments.csv')
  @CheckPolicies((ability) => ability.can('read', 'Commitment'))
  async exportCommitments(
    @CurrentAbility() ability: AppAbility,
    @Query() query: ExportQuery,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    const args = await exportArguments(CommitmentsArgs, query);
    const list = await this.commitments.listQuery(ability, args);
    await this.csv.send(response, COMMITMENT_EXPORT, list, localeOf(request, query));
  }

  @Get('actions.csv')
  @CheckPolicies((ability) => ability.can('read', 'Action'))
  async exportActions(
    @CurrentAbility() ability: AppAbility,
    @Query() query: ExportQuery,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    const args = await exportArguments(ActionsArgs, query);
    const list = await this.actions.listQuery(ability, args);
    await this.csv.send(response, ACTION_EXPORT, list, localeOf(request, query));
  }
}

function localeOf(request: AuthenticatedRequest, query: ExportQuery): Locale {
  const lang = query['lang'];
  if (typeof lang === 'string' && isLocale(lang)) return lang;
  return requestedLocale(request.headers['accept-language']) ?? request.user?.locale ?? DEFAULT_LOCALE;
}
