import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateRateLimit, CurrentUser, IdParam, type AuthenticatedUser } from '@helix/api/core';
import type { Response } from 'express';
import type { Thread } from '@helix/contract';
import { CreateThreadDto, ThreadDto, UpdateThreadDto } from './dto/discussion.dto';
import { ThreadsService } from './threads.service';

@ApiTags('rooms')
@ApiBearerAuth()
@Controller('rooms/:roomId/threads')
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Get()
  @ApiOkResponse({ type: [ThreadDto.Output] })
  @ApiNotFoundResponse()
  list(@IdParam('roomId') roomId: string): Promise<Thread[]> {
    return this.threads.list(roomId);
  }

  @Post()
  @CreateRateLimit()
  @ApiOperation({ summary: 'Start a thread; repeating a clientId answers the stored thread (200) instead' })
  @ApiCreatedResponse({ type: ThreadDto.Output })
  @ApiOkResponse({ type: ThreadDto.Output, description: 'The clientId was already used: the stored thread' })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: CreateThreadDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Thread> {
    const { thread, created } = await this.threads.create(user, roomId, body);
    if (!created) response.status(200);
    return thread;
  }

  @Patch(':threadId')
  @ApiOperation({
    summary:
      'Rename a thread (its author or a moderator); pin, lock or resolve it (moderators): a locked thread refuses new messages. Moderators’ changes are logged',
  })
  @ApiOkResponse({ type: ThreadDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  update(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @IdParam('threadId') threadId: string,
    @Body() body: UpdateThreadDto,
  ): Promise<Thread> {
    return this.threads.update(user, roomId, threadId, body);
  }

  @Delete(':threadId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a thread: its author while nobody else wrote in it, a moderator any (logged)',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Others have written in it (ask a moderator)' })
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @IdParam('threadId') threadId: string,
  ): Promise<void> {
    return this.threads.remove(user, roomId, threadId);
  }
}
