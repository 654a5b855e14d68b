import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateRateLimit, CurrentUser, IdParam, Roles, type AuthenticatedUser } from '@helix/api/core';
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
  @ApiCreatedResponse({ type: ThreadDto.Output })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  create(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: CreateThreadDto,
  ): Promise<Thread> {
    return this.threads.create(user, roomId, body.title);
  }

  @Patch(':threadId')
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary:
      'Pin, lock or resolve a thread (moderators); a locked thread refuses new messages. Each change is logged',
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
}
