import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
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
import { CreateRateLimit, CurrentUser, IdParam, Roles, type AuthenticatedUser } from '@helix/api/core';
import type { Message, MessagePage, Room, Thread } from '@helix/contract';
import type { Response } from 'express';
import {
  CreateThreadDto,
  ListMessagesQueryDto,
  MessageDto,
  MessagePageDto,
  PostMessageDto,
  RoomDto,
  ThreadDto,
  UpdateThreadDto,
} from './dto/discussion.dto';
import { MessagesService } from './messages.service';
import { RoomsService } from '@helix/api/rooms';
import { ThreadsService } from './threads.service';

@ApiTags('rooms')
@ApiBearerAuth()
@Controller('rooms')
export class RoomsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly threads: ThreadsService,
    private readonly messages: MessagesService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [RoomDto.Output] })
  list(): Promise<Room[]> {
    return this.rooms.list();
  }

  @Get(':roomId/threads')
  @ApiOkResponse({ type: [ThreadDto.Output] })
  @ApiNotFoundResponse()
  listThreads(@IdParam('roomId') roomId: string): Promise<Thread[]> {
    return this.threads.list(roomId);
  }

  @Post(':roomId/threads')
  @CreateRateLimit()
  @ApiCreatedResponse({ type: ThreadDto.Output })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  createThread(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: CreateThreadDto,
  ): Promise<Thread> {
    return this.threads.create(user, roomId, body.title);
  }

  @Patch(':roomId/threads/:threadId')
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary:
      'Pin, lock or resolve a thread (moderators); a locked thread refuses new messages. Each change is logged',
  })
  @ApiOkResponse({ type: ThreadDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  updateThread(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @IdParam('threadId') threadId: string,
    @Body() body: UpdateThreadDto,
  ): Promise<Thread> {
    return this.threads.update(user, roomId, threadId, body);
  }

  @Get(':roomId/messages')
  @ApiOperation({ summary: 'The newest messages before `beforeSeq`, in ascending seq' })
  @ApiOkResponse({ type: MessagePageDto.Output })
  @ApiNotFoundResponse()
  listMessages(
    @IdParam('roomId') roomId: string,
    @Query() query: ListMessagesQueryDto,
  ): Promise<MessagePage> {
    return this.messages.page(roomId, query);
  }

  @Post(':roomId/messages')
  @ApiOperation({ summary: 'Post a message; repeating a clientId returns the stored message (200) instead' })
  @ApiCreatedResponse({ type: MessageDto.Output })
  @ApiOkResponse({
    type: MessageDto.Output,
    description: 'The clientId was already used: the stored message',
  })
  @ApiConflictResponse({ description: 'The thread is locked' })
  @ApiNotFoundResponse()
  async postMessage(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: PostMessageDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Message> {
    const { message, created } = await this.messages.post(user, roomId, body);
    if (!created) response.status(200);
    return message;
  }
}
