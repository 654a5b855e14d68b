import { Body, Controller, Get, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentUser,
  IdParam,
  ModeratesRoom,
  requireRoomModeration,
  type AuthenticatedUser,
} from '@helix/api/core';
import { RoomsService } from '@helix/api/forums';
import type { ModerationEntry, RoomSettings } from '@helix/contract';
import { ModerationEntryDto, RoomSettingsDto, UpdateRoomSettingsDto } from './dto/moderation.dto';
import { ModerationLogService } from './moderation-log.service';
import { RoomSettingsService } from './room-settings.service';

/** A room's live settings and its moderation log. */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('rooms/:roomId')
export class ModerationController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly settings: RoomSettingsService,
    private readonly log: ModerationLogService,
  ) {}

  @Get('settings')
  @ApiOperation({ summary: "A room's live settings: Q&A review and what its projector shows" })
  @ApiOkResponse({ type: RoomSettingsDto.Output })
  @ApiNotFoundResponse()
  getSettings(@IdParam('roomId') roomId: string): Promise<RoomSettings> {
    return this.settings.get(roomId);
  }

  @Patch('settings')
  @ModeratesRoom()
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

  @Get('moderation-log')
  @ModeratesRoom()
  @ApiOperation({ summary: "The room's moderation log, newest first (moderators)" })
  @ApiOkResponse({ type: [ModerationEntryDto.Output] })
  @ApiNotFoundResponse()
  async moderationLog(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
  ): Promise<ModerationEntry[]> {
    await this.rooms.get(roomId);
    requireRoomModeration(user, roomId);
    return this.log.list(roomId);
  }
}
