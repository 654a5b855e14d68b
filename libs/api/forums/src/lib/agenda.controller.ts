import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, IdParam, Lang, type AuthenticatedUser, type RequestLanguage } from '@helix/api/core';
import type { Agenda, AgendaSession } from '@helix/contract';
import { AgendaService } from './agenda.service';
import { AgendaSessionDto, CreateSessionDto, UpdateSessionDto } from './dto/forums.dto';

@ApiTags('agenda')
@ApiBearerAuth()
@Controller()
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get('forums/:forumId/agenda')
  @ApiOperation({ summary: "A forum's agenda in start order, with what runs now and what comes next" })
  @ApiOkResponse({ description: 'Agenda' })
  @ApiNotFoundResponse()
  forumAgenda(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Lang() lang: RequestLanguage,
  ): Agenda {
    return this.agenda.agenda(user, forumId, lang);
  }

  @Get('rooms/:roomId/sessions')
  @ApiOkResponse({ type: [AgendaSessionDto.Output] })
  @ApiNotFoundResponse()
  roomSessions(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Lang() lang: RequestLanguage,
  ): Promise<AgendaSession[]> {
    return this.agenda.ofRoom(user, roomId, lang);
  }

  @Post('rooms/:roomId/sessions')
  @ApiOperation({
    summary:
      'Add a session to the agenda in this room; it can open the room’s Q&A and a prepared poll at its start and close them at its end',
  })
  @ApiCreatedResponse({ type: AgendaSessionDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The forum is closed' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('roomId') roomId: string,
    @Body() body: CreateSessionDto,
    @Lang() lang: RequestLanguage,
  ): Promise<AgendaSession> {
    return this.agenda.create(user, roomId, body, lang);
  }

  @Patch('sessions/:sessionId')
  @ApiOkResponse({ type: AgendaSessionDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The session is over, or the forum is closed' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('sessionId') sessionId: string,
    @Body() body: UpdateSessionDto,
    @Lang() lang: RequestLanguage,
  ): Promise<AgendaSession> {
    return this.agenda.update(user, sessionId, body, lang);
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The session is running, or the forum is closed' })
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('sessionId') sessionId: string,
    @Lang() lang: RequestLanguage,
  ): Promise<void> {
    return this.agenda.remove(user, sessionId, lang);
  }
}
