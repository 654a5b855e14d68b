import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, IdParam, ModeratesRoom, type AuthenticatedUser } from '@helix/api/core';
import type { Message, MessagePage } from '@helix/contract';
import type { Response } from 'express';
import {
  HideMessageDto,
  ListMessagesQueryDto,
  MessageDto,
  MessagePageDto,
  PostMessageDto,
} from './dto/discussion.dto';
import { MessagesService } from './messages.service';

@ApiTags('rooms')
@ApiBearerAuth()
@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('rooms/:roomId/messages')
  @ApiOperation({ summary: 'The newest messages before `beforeSeq`, in ascending seq' })
  @ApiOkResponse({ type: MessagePageDto.Output })
  @ApiNotFoundResponse()
  page(@IdParam('roomId') roomId: string, @Query() query: ListMessagesQueryDto): Promise<MessagePage> {
    return this.messages.page(roomId, query);
  }

  @Post('rooms/:roomId/messages')
  @ApiOperation({ summary: 'Post a message; repeating a clientId returns the stored message (200) instead' })
  @ApiCreatedResponse({ type: MessageDto.Output })
  @ApiOkResponse({
    type: MessageDto.Output,
    description: 'The clientId was already used: the stored message',
  })
  @ApiConflictResponse({ description: 'The thread is locked' })
  @ApiNotFoundResponse()
  async post(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: PostMessageDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Message> {
    const { message, created } = await this.messages.post(user, roomId, body);
    if (!created) response.status(200);
    return message;
  }

  @Post('messages/:messageId/hide')
  @HttpCode(200)
  @ModeratesRoom()
  @ApiOperation({
    summary: 'Hide a message (moderators): its text is removed for everyone, the reason shown instead',
  })
  @ApiOkResponse({ type: MessageDto.Output })
  @ApiConflictResponse({ description: 'The message is already hidden, or deleted' })
  @ApiNotFoundResponse()
  hide(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('messageId') messageId: string,
    @Body() body: HideMessageDto,
  ): Promise<Message> {
    return this.messages.hide(user, messageId, body.reason);
  }
}
