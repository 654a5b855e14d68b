import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, IdParam, Lang, type AuthenticatedUser, type RequestLanguage } from '@helix/api/core';
import type { RosterEntry, RosterImportResult } from '@helix/contract';
import { RosterEntryDto, RosterImportDto, RosterImportQueryDto, RosterImportResultDto } from './roster.dto';
import { RosterService } from './roster.service';

@ApiTags('roster')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not an organizer of this forum' })
@ApiNotFoundResponse({ description: 'No such forum (or a draft the caller cannot see), or no such entry' })
@Controller('forums/:forumId/roster')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import a registration list (CSV text or XLSX in base64: name, email, organization, group); ' +
      'every line is checked first and a file with any bad line imports nothing. dryRun=true only checks',
  })
  @ApiOkResponse({ type: RosterImportResultDto.Output })
  @ApiBadRequestResponse({ description: 'The body is not valid, or the file cannot be read' })
  @ApiUnprocessableEntityResponse({ description: 'Bad lines, each in `lines`: nothing was imported' })
  import(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Query() query: RosterImportQueryDto,
    @Body() body: RosterImportDto,
    @Lang() lang: RequestLanguage,
  ): Promise<RosterImportResult> {
    return this.roster.import(user, forumId, body, query.dryRun, lang);
  }

  @Get()
  @ApiOperation({ summary: 'The forum’s roster with each person’s badge link token, by name' })
  @ApiOkResponse({ type: [RosterEntryDto.Output] })
  list(@CurrentUser() user: AuthenticatedUser, @IdParam('forumId') forumId: string): RosterEntry[] {
    return this.roster.list(user, forumId);
  }

  @Post(':entryId/badge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make a new badge link for the person: the old one answers 410 and its sessions end',
  })
  @ApiOkResponse({ type: RosterEntryDto.Output })
  newBadge(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @IdParam('entryId') entryId: string,
  ): Promise<RosterEntry> {
    return this.roster.newBadge(user, forumId, entryId);
  }

  @Delete(':entryId/badge')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the person’s badge link: it answers 410, and its sessions end' })
  @ApiNoContentResponse()
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @IdParam('entryId') entryId: string,
  ): Promise<void> {
    return this.roster.revoke(user, forumId, entryId);
  }
}
