import { Body, Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, IdParam, Lang, type AuthenticatedUser, type RequestLanguage } from '@helix/api/core';
import type { Room } from '@helix/contract';
import { CreateRoomDto, ListRoomsQueryDto, ReorderRoomsDto, RoomDto, UpdateRoomDto } from './dto/forums.dto';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@ApiBearerAuth()
@Controller()
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get('rooms')
  @ApiOperation({ summary: "The live forum's rooms (`forumId` for another forum), in the reader's language" })
  @ApiOkResponse({ type: [RoomDto.Output] })
  @ApiNotFoundResponse({ description: 'No such forum' })
  @ApiForbiddenResponse({ description: 'Archived rooms are for admins and the forum’s organizers' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListRoomsQueryDto,
    @Lang() lang: RequestLanguage,
  ): Room[] {
    return this.rooms.list(user, query as { forumId?: string; archived?: boolean }, lang);
  }

  @Post('forums/:forumId/rooms')
  @ApiOperation({ summary: 'Add a room to a forum (admins and the forum’s organizers)' })
  @ApiCreatedResponse({ type: RoomDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The forum is closed, or has a room with that slug' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Body() body: CreateRoomDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Room> {
    return this.rooms.create(user, forumId, body, lang);
  }

  @Patch('rooms/:roomId')
  @ApiOperation({ summary: 'Change or archive a room (admins and the forum’s organizers)' })
  @ApiOkResponse({ type: RoomDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The forum is closed' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: UpdateRoomDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Room> {
    return this.rooms.update(user, roomId, body, lang);
  }

  @Put('forums/:forumId/rooms/order')
  @ApiOperation({ summary: "Put a forum's rooms in order (admins and the forum’s organizers)" })
  @ApiOkResponse({ type: [RoomDto.Output] })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  reorder(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Body() body: ReorderRoomsDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Room[]> {
    return this.rooms.reorder(user, forumId, body.roomIds, lang);
  }
}
