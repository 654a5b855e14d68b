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
  type AuthenticatedUser,
  type RequestLanguage,
} from '@helix/api/core';
import type { Amendment, Initiative } from '@helix/contract';
import type { Response } from 'express';
import { AmendmentDto, AnswerAmendmentDto, CreateAmendmentDto, InitiativeDto } from './dto/initiatives.dto';
import { InitiativesService } from './initiatives.service';

/** Amendments of an initiative: proposed by anyone while voting is open, answered by its proposer. */
@ApiTags('initiatives')
@ApiBearerAuth()
@Controller('initiatives/:id/amendments')
export class AmendmentsController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Post()
  @CreateRateLimit()
  @ApiOperation({
    summary:
      'Propose an amendment (a new title, summary or partners) answering named objections, while voting is ' +
      'open. Repeating a clientId answers the stored amendment (200) instead',
  })
  @ApiCreatedResponse({ type: AmendmentDto.Output })
  @ApiOkResponse({ type: AmendmentDto.Output, description: 'The clientId was already used: the stored one' })
  @ApiBadRequestResponse({ description: 'Nothing changed, or a named voter has no objection to answer' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({
    description: 'Voting is not open, or the initiative has all the amendments it takes',
  })
  async propose(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Body() body: CreateAmendmentDto,
    @Lang() lang: RequestLanguage,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Amendment> {
    const { amendment, created } = await this.initiatives.propose(user, id, body, lang);
    if (!created) response.status(200);
    return amendment;
  }

  @Get()
  @ApiOperation({ summary: 'The initiative’s amendments, oldest first, with their word diffs' })
  @ApiOkResponse({ type: [AmendmentDto.Output] })
  @ApiNotFoundResponse()
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Lang() lang: RequestLanguage,
  ): Promise<Amendment[]> {
    return (await this.initiatives.get(user, id, lang)).amendments;
  }

  @Post(':amendmentId/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept an amendment (the initiative’s proposer): the next version, votes carried over, the answered ' +
      'voters asked to decide again',
  })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already answered, or voting is not open' })
  accept(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @IdParam('amendmentId') amendmentId: string,
    @Body() body: AnswerAmendmentDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.answerAmendment(user, id, amendmentId, 'accepted', body, lang);
  }

  @Post(':amendmentId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an amendment, with a reason (the initiative’s proposer)' })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already answered, or voting is not open' })
  decline(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @IdParam('amendmentId') amendmentId: string,
    @Body() body: AnswerAmendmentDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.answerAmendment(user, id, amendmentId, 'declined', body, lang);
  }
}
