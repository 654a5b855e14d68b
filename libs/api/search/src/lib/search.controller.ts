import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, IdParam, type AuthenticatedUser } from '@helix/api/core';
import { ForumsStore } from '@helix/api/forums';
import { searchQuerySchema, type SearchResults } from '@helix/contract';
import { createZodDto } from 'nestjs-zod';
import { SearchIndex } from './search-index';

const SEARCH_WARMING_UP =
  'Helix started moments ago and is still indexing what was written before; retry after the Retry-After seconds';

class SearchQueryDto extends createZodDto(searchQuerySchema) {}

@ApiTags('search')
@ApiBearerAuth()
@Controller()
export class SearchController {
  constructor(
    private readonly index: SearchIndex,
    private readonly forums: ForumsStore,
  ) {}

  @Get('forums/:forumId/search')
  @ApiOperation({
    summary:
      'Search a forum: messages, threads, questions and initiatives, by word stems in Russian and English',
  })
  @ApiOkResponse({ description: 'SearchResults: hits with a snippet and the matched words marked' })
  @ApiNotFoundResponse()
  @ApiServiceUnavailableResponse({ description: SEARCH_WARMING_UP })
  forum(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Query() query: SearchQueryDto,
  ): SearchResults {
    this.requireVisible(user, forumId);
    return this.results(query, forumId, query.roomId);
  }

  @Get('rooms/:roomId/search')
  @ApiOperation({ summary: 'Search one room: its messages, threads, questions and initiatives' })
  @ApiOkResponse({ description: 'SearchResults' })
  @ApiNotFoundResponse()
  @ApiServiceUnavailableResponse({ description: SEARCH_WARMING_UP })
  room(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Query() query: SearchQueryDto,
  ): SearchResults {
    const room = this.forums.room(roomId);
    if (!room) throw new NotFoundException('No such room');
    this.requireVisible(user, room.forumId);
    return this.results(query, room.forumId, roomId);
  }

  private results(query: SearchQueryDto, forumId: string, roomId: string | undefined): SearchResults {
    const q = String(query.q);
    const roomIds = new Set(
      roomId ? [roomId] : this.forums.roomsOf(forumId).map((room) => room._id.toHexString()),
    );
    // One room's search leaves out the initiatives of the whole forum (they have no room).
    const scope = { forumId: roomId ? '' : forumId, roomIds };
    return { query: q, hits: this.index.search(q, scope, Number(query.limit ?? 20)) };
  }

  /** A draft forum's content is its organizers' only. */
  private requireVisible(user: AuthenticatedUser, forumId: string): void {
    const forum = this.forums.forum(forumId);
    const organizes = user.roles.includes('admin') || forum?.organizerIds.includes(user.id);
    if (!forum || (forum.status === 'draft' && !organizes)) throw new NotFoundException('No such forum');
  }
}
