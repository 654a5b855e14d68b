import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BadgeLinkRateLimit, Public } from '@helix/api/core';
import type { AuthResponse } from '@helix/contract';
import { BadgeSignInDto, BadgeSignInResponseDto } from './roster.dto';
import { RosterService } from './roster.service';

@ApiTags('roster')
@Public()
@Controller('badges')
export class BadgesController {
  constructor(private readonly roster: RosterService) {}

  @BadgeLinkRateLimit()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign this device in with a badge link (the QR code on a printed badge); each use is recorded',
  })
  @ApiOkResponse({ type: BadgeSignInResponseDto.Output })
  @ApiBadRequestResponse({ description: 'Not a badge link' })
  @ApiGoneResponse({ description: 'The badge link was revoked, or replaced by a new badge' })
  signIn(@Body() body: BadgeSignInDto): Promise<AuthResponse> {
    return this.roster.signIn(body);
  }
}
