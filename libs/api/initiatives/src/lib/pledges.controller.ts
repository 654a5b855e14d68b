import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateRateLimit,
  CurrentUser,
  IdParam,
  Lang,
  Roles,
  type AuthenticatedUser,
  type RequestLanguage,
} from '@helix/api/core';
import type { Initiative, Pledge } from '@helix/contract';
import type { Response } from 'express';
import { CreatePledgeDto, InitiativeDto, PledgeDto, PledgeProgressDto } from './dto/initiatives.dto';
import { InitiativesService } from './initiatives.service';

/** Pledges of an adopted initiative: recorded and updated by its confirmed partners (or moderators). */
@ApiTags('initiatives')
@ApiBearerAuth()
@Controller('initiatives/:id/pledges')
export class PledgesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Post()
  @CreateRateLimit()
  @ApiOperation({
    summary:
      'Record what your confirmed partner organisation commits, once adopted (moderators: for any). ' +
      'Repeating a clientId answers the stored pledge (200) instead',
  })
  @ApiCreatedResponse({ type: PledgeDto.Output })
  @ApiOkResponse({ type: PledgeDto.Output, description: 'The clientId was already used: the stored one' })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse({ description: 'Not a member of a confirmed partner' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not adopted' })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Body() body: CreatePledgeDto,
    @Lang() lang: RequestLanguage,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Pledge> {
    const { pledge, created } = await this.initiatives.pledge(user, id, body, lang);
    if (!created) response.status(200);
    return pledge;
  }

  @Post(':pledgeId/progress')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report progress on a pledge: a percentage, a note, and its status if it changed',
  })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse({ description: 'Not a member of the pledging partner, nor a moderator' })
  @ApiNotFoundResponse()
  progress(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @IdParam('pledgeId') pledgeId: string,
    @Body() body: PledgeProgressDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.progress(user, id, pledgeId, body, lang);
  }
}

@ApiTags('initiatives')
@ApiBearerAuth()
@Controller('forums/:forumId/pledges')
export class ForumPledgesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get('overdue')
  @Roles('moderator', 'admin')
  @ApiOperation({ summary: 'The forum’s pledges past their due date and not done or dropped (moderators)' })
  @ApiOkResponse({ type: [PledgeDto.Output] })
  overdue(@IdParam('forumId') forumId: string): Pledge[] {
    return this.initiatives.overduePledges(forumId);
  }
}
