import {
  Body,
  Controller,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  csvFile,
  CreateRateLimit,
  CurrentUser,
  IdParam,
  Lang,
  Roles,
  type AuthenticatedUser,
  type RequestLanguage,
} from '@helix/api/core';
import type { Initiative, VoteHistoryEntry } from '@helix/contract';
import type { Response } from 'express';
import {
  CreateInitiativeDto,
  InitiativeDto,
  InitiativeVoteDto,
  ListInitiativesQueryDto,
  OpenVotingDto,
  UpdateInitiativeDto,
  VoteHistoryEntryDto,
} from './dto/initiatives.dto';
import { InitiativesService } from './initiatives.service';
import { outcomeRows } from './outcome-rows';

/** What the outcome download is called, with the day it was made. */
const OUTCOME_TITLE: Record<RequestLanguage, string> = { en: 'Forum outcome', ru: 'Итоги форума' };

@ApiTags('initiatives')
@ApiBearerAuth()
@ApiHeader({
  name: 'Accept-Language',
  required: false,
  description: '`ru` for Russian explanations, else English',
})
@Controller('initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Post()
  @CreateRateLimit()
  @ApiOperation({
    summary:
      'Propose an initiative (a draft); your organisation is its first partner. Repeating a clientId answers the stored draft (200) instead',
  })
  @ApiCreatedResponse({ type: InitiativeDto.Output })
  @ApiOkResponse({
    type: InitiativeDto.Output,
    description: 'The clientId was already used: the stored draft',
  })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse({ description: 'No such room' })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateInitiativeDto,
    @Lang() lang: RequestLanguage,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Initiative> {
    const { initiative, created } = await this.initiatives.create(user, body, lang);
    if (!created) response.status(200);
    return initiative;
  }

  @Get()
  @ApiOperation({ summary: 'The initiatives board, newest first; filter by status, room and partner group' })
  @ApiOkResponse({ type: [InitiativeDto.Output] })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListInitiativesQueryDto,
    @Lang() lang: RequestLanguage,
  ): Initiative[] {
    return this.initiatives.list(user, query, lang);
  }

  @Get('outcome.csv')
  @ApiOperation({
    summary: 'Adopted initiatives with confirmed partners and tallies, as CSV (UTF-8 with BOM)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'title, summary, confirmed partners, closed at, votes, totals per position, then per group (named in ' +
      'the Accept-Language), partnership ("joint", or "proposer only" when no organisation besides the ' +
      'proposer confirmed), then the objections with their reasons, one per line',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  outcome(@Lang() lang: RequestLanguage): StreamableFile {
    return csvFile(outcomeRows(this.initiatives.adopted(lang), lang), {
      title: OUTCOME_TITLE[lang],
      date: new Date(),
      fallback: 'forum-outcome',
    });
  }

  @Get(':id')
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiNotFoundResponse()
  get(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.get(user, id, lang);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft (the proposer only)' })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'No longer a draft' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Body() body: UpdateInitiativeDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.update(user, id, body, lang);
  }

  @Post(':id/partners/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept the invitation to partner, for your own organisation (its name and stakeholder group must match); ' +
      'until voting closes',
  })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiForbiddenResponse({ description: 'Your organisation is not invited' })
  @ApiConflictResponse({ description: 'Voting has closed' })
  acceptPartnership(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.answerPartnership(user, id, 'confirmed', lang);
  }

  @Post(':id/partners/decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline the invitation to partner, for your own organisation; until voting closes',
  })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiForbiddenResponse({ description: 'Your organisation is not invited' })
  @ApiConflictResponse({ description: "Voting has closed, or it is the proposer's own organisation" })
  declinePartnership(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.answerPartnership(user, id, 'declined', lang);
  }

  @Post(':id/voting/open')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Open consensus voting (proposer or moderator), with the forum minimum rule (GET /api/consensus-rule) ' +
      'or a stricter one',
  })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiBadRequestResponse({
    description: 'closesAt in the past, or a rule out of range or looser than the forum minimum',
  })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'Not a draft' })
  open(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Body() body: OpenVotingDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.openVoting(user, id, body, lang);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Withdraw a draft (the proposer, a moderator of its room, or an organizer of its forum): it stays on ' +
      'record as withdrawn and leaves every list; withdrawing again answers it as it is',
  })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'Voting has opened: no longer a draft' })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.withdraw(user, id, lang);
  }

  @Post(':id/voting/close')
  @HttpCode(200)
  @Roles('moderator', 'admin')
  @ApiOperation({ summary: 'Close voting now (moderators); the status becomes adopted or rejected' })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'Voting is not open' })
  close(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.close(user, id, lang);
  }

  @Put(':id/vote')
  @ApiOperation({ summary: 'Cast or change your vote; a reason is required to disagree or block' })
  @ApiOkResponse({ type: InitiativeDto.Output })
  @ApiBadRequestResponse()
  @ApiConflictResponse({ description: 'Voting is not open' })
  vote(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Body() body: InitiativeVoteDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Initiative> {
    return this.initiatives.vote(user, id, body, lang);
  }

  @Get(':id/votes/history')
  @Roles('moderator', 'admin')
  @ApiOperation({ summary: 'Every vote cast and changed, in order (moderators)' })
  @ApiOkResponse({ type: [VoteHistoryEntryDto.Output] })
  history(@IdParam('id') id: string): VoteHistoryEntry[] {
    return this.initiatives.voteHistory(id);
  }
}
