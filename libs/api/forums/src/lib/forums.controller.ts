import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  CreateRateLimit,
  CurrentUser,
  IdParam,
  Lang,
  Roles,
  type AuthenticatedUser,
  type RequestLanguage,
} from '@helix/api/core';
import type { Forum, ForumStats, Organizer } from '@helix/contract';
import { AddOrganizerDto, CreateForumDto, ForumDto, OrganizerDto, UpdateForumDto } from './dto/forums.dto';
import { ForumArchive } from './forum-archive';
import { ForumsService } from './forums.service';

@ApiTags('forums')
@ApiBearerAuth()
@Controller()
export class ForumsController {
  constructor(
    private readonly forums: ForumsService,
    private readonly archive: ForumArchive,
  ) {}

  @Get('forums')
  @ApiOperation({ summary: 'Forums, newest first; drafts only for their organizers' })
  @ApiOkResponse({ type: [ForumDto.Output] })
  list(@CurrentUser() user: AuthenticatedUser, @Lang() lang: RequestLanguage): Forum[] {
    return this.forums.list(user, lang);
  }

  @Post('forums/import')
  @Roles('admin')
  // A heavy write: a few a minute, as creating something.
  @CreateRateLimit()
  @ApiOperation({
    summary:
      'Import a forum from its export (admins; the body is the .ndjson.gz); it arrives closed unless a draft',
  })
  @ApiCreatedResponse({ type: ForumDto.Output })
  @ApiForbiddenResponse()
  @ApiBadRequestResponse({ description: 'Not a Helix forum archive, or one of another schema version' })
  @ApiConflictResponse({ description: "The forum's id or slug exists here already" })
  import(@Req() request: Request, @Lang() lang: RequestLanguage): Promise<Forum> {
    return this.archive.import(request, lang);
  }

  @Get('forums/:forumId/export')
  // A heavy read: a few a minute, as creating something.
  @CreateRateLimit()
  @ApiOperation({
    summary:
      'The whole forum as one archive (admins and its organizers): every document of it in Extended JSON, then its CSV reports; gzipped ndjson',
  })
  @ApiProduces('application/gzip')
  @ApiOkResponse({ content: { 'application/gzip': { schema: { type: 'string', format: 'binary' } } } })
  @ApiForbiddenResponse()
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Lang() lang: RequestLanguage,
  ): Promise<StreamableFile> {
    const { fileName, archive } = await this.archive.export(user, forumId, lang);
    return new StreamableFile(archive, {
      type: 'application/gzip',
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  @Get('forums/:forumId')
  @ApiOkResponse({ type: ForumDto.Output })
  @ApiNotFoundResponse()
  get(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Lang() lang: RequestLanguage,
  ): Forum {
    return this.forums.get(user, forumId, lang);
  }

  @Post('forums')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a forum, as a draft (admins)' })
  @ApiCreatedResponse({ type: ForumDto.Output })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'The slug is taken' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateForumDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Forum> {
    return this.forums.create(user, body, lang);
  }

  @Patch('forums/:forumId')
  @ApiOperation({ summary: 'Change a forum (admins and its organizers); a closed forum is read-only' })
  @ApiOkResponse({ type: ForumDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The forum is closed, or the slug is taken' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Body() body: UpdateForumDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Forum> {
    return this.forums.update(user, forumId, body, lang);
  }

  @Post('forums/:forumId/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make a draft forum the live one (admins and its organizers)' })
  @ApiOkResponse({ type: ForumDto.Output })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'Not a draft, or another forum is live' })
  open(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Lang() lang: RequestLanguage,
  ): Promise<Forum> {
    return this.forums.open(user, forumId, lang);
  }

  @Post('forums/:forumId/close')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Close the live forum: open polls and votes close, the forum becomes a read-only archive, its outcome is published',
  })
  @ApiOkResponse({ type: ForumDto.Output })
  @ApiForbiddenResponse()
  @ApiConflictResponse({ description: 'The forum is not live' })
  close(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Lang() lang: RequestLanguage,
  ): Promise<Forum> {
    return this.forums.close(user, forumId, lang);
  }

  @Get('forums/:forumId/organizers')
  @ApiOkResponse({ type: [OrganizerDto.Output] })
  @ApiForbiddenResponse()
  organizers(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
  ): Promise<Organizer[]> {
    return this.forums.organizers(user, forumId);
  }

  @Put('forums/:forumId/organizers')
  @ApiOperation({ summary: 'Make someone, by the email of their account, an organizer of the forum' })
  @ApiOkResponse({ type: ForumDto.Output })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse({ description: 'No account has this email' })
  addOrganizer(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Body() body: AddOrganizerDto,
    @Lang() lang: RequestLanguage,
  ): Promise<Forum> {
    return this.forums.addOrganizer(user, forumId, body.email, lang);
  }

  @Delete('forums/:forumId/organizers/:userId')
  @ApiOkResponse({ type: ForumDto.Output })
  @ApiForbiddenResponse()
  removeOrganizer(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @IdParam('userId') userId: string,
    @Lang() lang: RequestLanguage,
  ): Promise<Forum> {
    return this.forums.removeOrganizer(user, forumId, userId, lang);
  }

  @Get('forums/:forumId/stats')
  @ApiOperation({ summary: "The forum's numbers: people by group, messages, polls, questions, initiatives" })
  @ApiOkResponse({ description: 'ForumStats' })
  @ApiForbiddenResponse()
  stats(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Lang() lang: RequestLanguage,
  ): ForumStats {
    return this.forums.stats(user, forumId, lang);
  }
}
