import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, IdParam, Lang, type AuthenticatedUser, type RequestLanguage } from '@helix/api/core';
import { RoomsService } from '@helix/api/forums';
import type { Mentionable, MentionPage, RoomUnread, UnreadSummary } from '@helix/contract';
import {
  ListMentionsQueryDto,
  MarkReadDto,
  MentionableDto,
  MentionableQueryDto,
  MentionPageDto,
  RoomUnreadDto,
  UnreadSummaryDto,
} from '../dto/discussion.dto';
import { MentionAudience } from './mention-audience';
import { MentionsService } from './mentions.service';

@ApiTags('mentions')
@ApiBearerAuth()
@Controller()
export class MentionsController {
  constructor(
    private readonly mentions: MentionsService,
    private readonly audience: MentionAudience,
    private readonly rooms: RoomsService,
  ) {}

  @Get('me/mentions')
  @ApiOperation({ summary: 'Messages that mention me, newest first' })
  @ApiOkResponse({ type: MentionPageDto.Output })
  page(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListMentionsQueryDto,
    @Lang() lang: RequestLanguage,
  ): MentionPage {
    return this.mentions.page(user, query, lang);
  }

  @Get('me/unread')
  @ApiOperation({ summary: 'Unread messages and mentions per room of the live forum' })
  @ApiOkResponse({ type: UnreadSummaryDto.Output })
  unread(@CurrentUser() user: AuthenticatedUser, @Lang() lang: RequestLanguage): UnreadSummary {
    return this.mentions.unread(user, lang);
  }

  @Put('rooms/:roomId/read')
  @ApiOperation({ summary: 'I have read the room up to `seq` (a mark only moves forward)' })
  @ApiOkResponse({ type: RoomUnreadDto.Output })
  @ApiNotFoundResponse()
  markRead(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: MarkReadDto,
  ): Promise<RoomUnread> {
    return this.mentions.markRead(user, roomId, body.seq);
  }

  @Get('rooms/:roomId/mentionable')
  @ApiOperation({ summary: 'People a message in the room may mention: who wrote there or is present' })
  @ApiOkResponse({ type: MentionableDto.Output })
  @ApiNotFoundResponse()
  async mentionable(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Query() query: MentionableQueryDto,
  ): Promise<Mentionable> {
    await this.rooms.get(roomId);
    return this.audience.search(roomId, query.q ?? '', user.id);
  }
}
