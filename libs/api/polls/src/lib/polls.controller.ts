import { Body, Controller, Get, Header, HttpCode, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  csvFile,
  CurrentUser,
  IdParam,
  Lang,
  ModeratesRoom,
  type AuthenticatedUser,
  type RequestLanguage,
} from '@helix/api/core';
import type { Poll } from '@helix/contract';
import type { Response } from 'express';
import { CreatePollDto, HideWordDto, OpenPollDto, PollDto, UpdatePollDto, VoteDto } from './dto/polls.dto';
import { pollResultsRows } from './poll-results-rows';
import { PollsService } from './polls.service';

@ApiTags('polls')
@ApiBearerAuth()
@Controller()
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Post('rooms/:roomId/polls')
  @ModeratesRoom()
  @ApiOperation({
    summary:
      'Draft a poll in a room (moderators); repeating a clientId answers the stored poll (200) instead',
  })
  @ApiCreatedResponse({ type: PollDto.Output })
  @ApiOkResponse({ type: PollDto.Output, description: 'The clientId was already used: the stored poll' })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: CreatePollDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Poll> {
    const { poll, created } = await this.polls.create(user, roomId, body);
    if (!created) response.status(200);
    return poll;
  }

  @Get('rooms/:roomId/polls')
  @ApiOperation({ summary: 'Polls of a room, newest first; drafts only for moderators' })
  @ApiOkResponse({ type: [PollDto.Output] })
  list(@CurrentUser() user: AuthenticatedUser, @IdParam('roomId') roomId: string): Promise<Poll[]> {
    return this.polls.listForRoom(user, roomId);
  }

  @Get('polls/:pollId')
  @ApiOkResponse({ type: PollDto.Output })
  @ApiNotFoundResponse()
  get(@CurrentUser() user: AuthenticatedUser, @IdParam('pollId') pollId: string): Promise<Poll> {
    return this.polls.get(user, pollId);
  }

  @Patch('polls/:pollId')
  @ModeratesRoom()
  @ApiOperation({ summary: 'Edit a draft poll (moderators)' })
  @ApiOkResponse({ type: PollDto.Output })
  @ApiConflictResponse({ description: 'The poll is no longer a draft' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('pollId') pollId: string,
    @Body() body: UpdatePollDto,
  ): Promise<Poll> {
    return this.polls.update(user, pollId, body);
  }

  @Post('polls/:pollId/open')
  @HttpCode(200)
  @ModeratesRoom()
  @ApiOkResponse({ type: PollDto.Output })
  @ApiOperation({
    summary: 'Open a draft for votes (moderators), optionally closing by itself after a countdown',
  })
  @ApiConflictResponse({ description: 'Only a draft can be opened' })
  open(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('pollId') pollId: string,
    @Body() body: OpenPollDto,
  ): Promise<Poll> {
    return this.polls.open(user, pollId, body);
  }

  @Post('polls/:pollId/close')
  @HttpCode(200)
  @ModeratesRoom()
  @ApiOkResponse({ type: PollDto.Output })
  @ApiConflictResponse({ description: 'Only an open poll can be closed' })
  close(@CurrentUser() user: AuthenticatedUser, @IdParam('pollId') pollId: string): Promise<Poll> {
    return this.polls.close(user, pollId);
  }

  @Post('polls/:pollId/votes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cast or replace your ballot while the poll is open' })
  @ApiOkResponse({ type: PollDto.Output })
  @ApiBadRequestResponse({
    description:
      'Unknown option, several options on a single-choice poll, a ranking without every option once, ' +
      'a score beyond the scale, or a ballot of another kind than the poll',
  })
  @ApiConflictResponse({ description: 'The poll is not open' })
  vote(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('pollId') pollId: string,
    @Body() body: VoteDto,
  ): Promise<Poll> {
    return this.polls.vote(user, pollId, body);
  }

  @Post('polls/:pollId/hidden-words')
  @HttpCode(200)
  @ModeratesRoom()
  @ApiOperation({ summary: 'Hide (or show again) one answer of a word cloud in every result (moderators)' })
  @ApiOkResponse({ type: PollDto.Output })
  @ApiBadRequestResponse({ description: 'The poll is not a word cloud' })
  @ApiConflictResponse({ description: 'The poll is still a draft' })
  hideWord(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('pollId') pollId: string,
    @Body() body: HideWordDto,
  ): Promise<Poll> {
    return this.polls.hideWord(user, pollId, body.word, body.hidden ?? true);
  }

  @Get('polls/:pollId/results.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'Question, Option, Total, then one column per stakeholder group, named in the Accept-Language ' +
      '(en or ru); UTF-8 with BOM; the file is named after the question and the date it closed (or today)',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiForbiddenResponse({
    description: 'The results are hidden from the caller until they vote or it closes',
  })
  @ApiNotFoundResponse()
  csv(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('pollId') pollId: string,
    @Lang() lang: RequestLanguage,
  ): StreamableFile {
    const { poll, tally } = this.polls.resultsForExport(user, pollId);
    return csvFile(pollResultsRows(poll, tally, lang), {
      title: poll.question,
      date: poll.closedAt ?? new Date(),
      fallback: 'poll-results',
    });
  }
}
