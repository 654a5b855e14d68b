import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, IdParam, Roles, type AuthenticatedUser } from '@helix/api/core';
import { ModerationLogService, RoomSettingsService } from '@helix/api/moderation';
import type { Message, ModerationEntry, RoomSettings } from '@helix/contract';
import {
  HideMessageDto,
  MessageDto,
  ModerationEntryDto,
  RoomSettingsDto,
  UpdateRoomSettingsDto,
} from './dto/discussion.dto';
import { MessagesService } from './messages.service';

/** What the moderator console does to a room beyond threads: hide messages, set the room, read the log. */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(
    private readonly messages: MessagesService,
    private readonly settings: RoomSettingsService,
    private readonly log: ModerationLogService,
  ) {}

  @Post('messages/:messageId/hide')
  @HttpCode(200)
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary: 'Hide a message (moderators): its text is removed for everyone, the reason shown instead',
  })
  @ApiOkResponse({ type: MessageDto.Output })
  @ApiConflictResponse({ description: 'The message is already hidden, or deleted' })
  @ApiNotFoundResponse()
  hideMessage(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('messageId') messageId: string,
    @Body() body: HideMessageDto,
  ): Promise<Message> {
    return this.messages.hide(user, messageId, body.reason);
  }

  @Get('rooms/:roomId/settings')
  @ApiOperation({ summary: "A room's live settings: Q&A review and what its projector shows" })
  @ApiOkResponse({ type: RoomSettingsDto.Output })
  @ApiNotFoundResponse()
  getSettings(@IdParam('roomId') roomId: string): Promise<RoomSettings> {
    return this.settings.get(roomId);
  }

  @Patch('rooms/:roomId/settings')
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary: "Change a room's settings (moderators); the room receives `settings.updated`",
  })
  @ApiOkResponse({ type: RoomSettingsDto.Output })
  @ApiNotFoundResponse({ description: 'No such room, or no such projector target (a poll of this room)' })
  @ApiConflictResponse({ description: 'The projector target is a draft, not shown to anyone yet' })
  updateSettings(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: UpdateRoomSettingsDto,
  ): Promise<RoomSettings> {
    return this.settings.update(user, roomId, body);
  }

  @Get('rooms/:roomId/moderation-log')
  @Roles('moderator', 'admin')
  @ApiOperation({ summary: "The room's moderation log, newest first (moderators)" })
  @ApiOkResponse({ type: [ModerationEntryDto.Output] })
  @ApiNotFoundResponse()
  moderationLog(@IdParam('roomId') roomId: string): Promise<ModerationEntry[]> {
    return this.log.list(roomId);
  }
}
