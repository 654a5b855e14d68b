import { Body, Controller, Delete, Get, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateRateLimit,
  CurrentUser,
  IdParam,
  ModeratesRoom,
  type AuthenticatedUser,
} from '@helix/api/core';
import type { Question } from '@helix/contract';
import type { Response } from 'express';
import { AskQuestionDto, ListQuestionsQueryDto, ModerateQuestionDto, QuestionDto } from './dto/questions.dto';
import { QuestionsService } from './questions.service';

@ApiTags('questions')
@ApiBearerAuth()
@Controller()
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Get('rooms/:roomId/questions')
  @ApiOperation({
    summary:
      'Questions of a room, most upvoted first, then oldest first; participants see approved and ' +
      'answered ones and their own, moderators all',
  })
  @ApiOkResponse({ type: [QuestionDto.Output] })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Query() query: ListQuestionsQueryDto,
  ): Promise<Question[]> {
    return this.questions.list(user, roomId, query);
  }

  @Post('rooms/:roomId/questions')
  @CreateRateLimit()
  @ApiOperation({
    summary:
      'Ask a question; it waits for review when the room asks for it. Repeating a clientId returns ' +
      'the stored question (200) instead',
  })
  @ApiCreatedResponse({ type: QuestionDto.Output })
  @ApiOkResponse({
    type: QuestionDto.Output,
    description: 'The clientId was already used: the stored question',
  })
  @ApiConflictResponse({ description: 'The room’s moderator has closed questions for now' })
  async ask(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: AskQuestionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Question> {
    const { question, created } = await this.questions.ask(user, roomId, body);
    if (!created) response.status(200);
    return question;
  }

  @Put('questions/:questionId/upvote')
  @ApiOperation({ summary: 'Upvote an approved question; upvoting twice changes nothing' })
  @ApiOkResponse({ type: QuestionDto.Output })
  @ApiConflictResponse({ description: 'The question is not approved' })
  upvote(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('questionId') questionId: string,
  ): Promise<Question> {
    return this.questions.upvote(user, questionId);
  }

  @Delete('questions/:questionId/upvote')
  @ApiOperation({ summary: 'Take back your upvote; without one, nothing changes' })
  @ApiOkResponse({ type: QuestionDto.Output })
  @ApiConflictResponse({ description: 'The question is pending or dismissed' })
  removeUpvote(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('questionId') questionId: string,
  ): Promise<Question> {
    return this.questions.removeUpvote(user, questionId);
  }

  @Patch('questions/:questionId')
  @ModeratesRoom()
  @ApiOperation({
    summary: 'Approve, answer or dismiss a question (moderators); recorded in the moderation log',
  })
  @ApiOkResponse({ type: QuestionDto.Output })
  moderate(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('questionId') questionId: string,
    @Body() body: ModerateQuestionDto,
  ): Promise<Question> {
    return this.questions.moderate(user, questionId, body);
  }
}
