import { Body, Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateRateLimit, CurrentUser, IdParam, Roles, type AuthenticatedUser } from '@helix/api/core';
import type { NextStatement, Statement, StatementResults } from '@helix/contract';
import type { Response } from 'express';
import {
  CastStatementVoteDto,
  ModerateStatementDto,
  NextStatementDto,
  StatementDto,
  StatementResultsDto,
  SubmitStatementDto,
} from './dto/statements.dto';
import { StatementsService } from './statements.service';

@ApiTags('statements')
@ApiBearerAuth()
@Controller()
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Get('rooms/:roomId/statements')
  @ApiOperation({
    summary:
      'Statements of a room, oldest first; participants see approved ones and their own, moderators all',
  })
  @ApiOkResponse({ type: [StatementDto.Output] })
  list(@CurrentUser() user: AuthenticatedUser, @IdParam('roomId') roomId: string): Promise<Statement[]> {
    return this.statements.list(user, roomId);
  }

  @Post('rooms/:roomId/statements')
  @CreateRateLimit()
  @ApiOperation({
    summary:
      'Submit a statement; it waits for a moderator (a moderator’s is approved at once). Repeating a ' +
      'clientId returns the stored statement (200) instead',
  })
  @ApiCreatedResponse({ type: StatementDto.Output })
  @ApiOkResponse({
    type: StatementDto.Output,
    description: 'The clientId was already used: the stored statement',
  })
  async submit(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: SubmitStatementDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Statement> {
    const { statement, created } = await this.statements.submit(user, roomId, body);
    if (!created) response.status(200);
    return statement;
  }

  @Get('rooms/:roomId/statements/next')
  @ApiOperation({ summary: 'The statement to vote on next: the least voted one you have not voted on' })
  @ApiOkResponse({ type: NextStatementDto.Output })
  next(@CurrentUser() user: AuthenticatedUser, @IdParam('roomId') roomId: string): Promise<NextStatement> {
    return this.statements.next(user, roomId);
  }

  @Get('rooms/:roomId/statements/results')
  @ApiOperation({
    summary:
      'Group-aware consensus, opinion groups and their representative statements; recomputed at most ' +
      'every 2 seconds while votes come in',
  })
  @ApiOkResponse({ type: StatementResultsDto.Output })
  results(@IdParam('roomId') roomId: string): Promise<StatementResults> {
    return this.statements.results(roomId);
  }

  @Post('statements/:statementId/votes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Agree, disagree or pass on an approved statement; once per person' })
  @ApiOkResponse({ type: StatementDto.Output })
  @ApiBadRequestResponse({ description: 'Not agree, disagree or pass' })
  @ApiConflictResponse({ description: 'The statement is not approved, or you have voted on it already' })
  vote(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('statementId') statementId: string,
    @Body() body: CastStatementVoteDto,
  ): Promise<Statement> {
    return this.statements.vote(user, statementId, body.vote);
  }

  @Patch('statements/:statementId')
  @Roles('moderator', 'admin')
  @ApiOperation({ summary: 'Approve or reject a statement (moderators); recorded in the moderation log' })
  @ApiOkResponse({ type: StatementDto.Output })
  @ApiConflictResponse({ description: 'The statement was rejected: it cannot be approved again' })
  moderate(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('statementId') statementId: string,
    @Body() body: ModerateStatementDto,
  ): Promise<Statement> {
    return this.statements.moderate(user, statementId, body);
  }
}
