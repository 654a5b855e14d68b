import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateRateLimit,
  CurrentUser,
  IdParam,
  Lang,
  Public,
  type AuthenticatedUser,
  type RequestLanguage,
} from '@helix/api/core';
import type { Invitation, InvitationAcceptance, InvitationPreview } from '@helix/contract';
import type { Response } from 'express';
import {
  CreateInvitationDto,
  InvitationAcceptanceDto,
  InvitationDto,
  InvitationPreviewDto,
  InvitationTokenDto,
} from './invitations.dto';
import { InvitationsService } from './invitations.service';

const NOT_ORGANIZER = { description: 'Only admins and the forum’s organizers manage its invitations' };

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('forums/:forumId/invitations')
  @ApiBearerAuth()
  @CreateRateLimit()
  @ApiOperation({
    summary:
      'Make an invitation link (admins, organizers): a role, an expiry, a number of uses, optionally e-mailed; repeating a clientId answers the stored one (200)',
  })
  @ApiCreatedResponse({ type: InvitationDto.Output })
  @ApiOkResponse({
    type: InvitationDto.Output,
    description: 'The clientId was already used: the stored invitation',
  })
  @ApiBadRequestResponse({
    description: 'A room of another forum, an expiry in the past, a moderator without rooms',
  })
  @ApiForbiddenResponse(NOT_ORGANIZER)
  @ApiNotFoundResponse()
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('forumId') forumId: string,
    @Body() body: CreateInvitationDto,
    @Lang() lang: RequestLanguage,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Invitation> {
    const { invitation, created } = await this.invitations.create(user, forumId, body, lang);
    if (!created) response.status(200);
    return invitation;
  }

  @Get('forums/:forumId/invitations')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The forum’s invitations, newest first, with their status and who used each' })
  @ApiOkResponse({ type: [InvitationDto.Output] })
  @ApiForbiddenResponse(NOT_ORGANIZER)
  @ApiNotFoundResponse()
  list(@CurrentUser() user: AuthenticatedUser, @IdParam('forumId') forumId: string): Invitation[] {
    return this.invitations.list(user, forumId);
  }

  @Post('invitations/:invitationId/revoke')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an invitation: its link stops working; what it granted stays' })
  @ApiOkResponse({ type: InvitationDto.Output })
  @ApiForbiddenResponse(NOT_ORGANIZER)
  @ApiNotFoundResponse()
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('invitationId') invitationId: string,
  ): Promise<Invitation> {
    return this.invitations.revoke(user, invitationId);
  }

  @Post('invitations/preview')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'What an invitation link offers and whether it still works (anyone holding it)' })
  @ApiOkResponse({ type: InvitationPreviewDto.Output })
  @ApiNotFoundResponse({ description: 'No invitation has this token' })
  preview(@Body() body: InvitationTokenDto, @Lang() lang: RequestLanguage): Promise<InvitationPreview> {
    return this.invitations.preview(body.token, lang);
  }

  @Post('invitations/accept')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept an invitation as the signed-in person: its role is granted once; accepting again changes nothing',
  })
  @ApiOkResponse({ type: InvitationAcceptanceDto.Output })
  @ApiNotFoundResponse({ description: 'No invitation has this token' })
  @ApiGoneResponse({ description: 'The invitation expired or was withdrawn' })
  @ApiConflictResponse({ description: 'The invitation has been used as many times as it allows' })
  accept(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: InvitationTokenDto,
    @Lang() lang: RequestLanguage,
  ): Promise<InvitationAcceptance> {
    return this.invitations.accept(user, body.token, lang);
  }
}
