import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { EmailLinkRateLimit, Lang, Public, type RequestLanguage } from '@helix/api/core';
import type { AuthResponse } from '@helix/contract';
import {
  AuthResponseDto,
  EmailLinkRequestDto,
  PasswordResetConfirmDto,
  SignInLinkConfirmDto,
} from './dto/auth.dto';
import { EmailLinksService } from './email-links.service';

const INVALID_LINK = { description: 'The link is invalid, expired or already used' };

@ApiTags('auth')
@Public()
@Controller('auth')
export class EmailLinksController {
  constructor(private readonly links: EmailLinksService) {}

  @EmailLinkRateLimit()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'E-mail a password reset link (valid 1 h, once); 202 whether or not the account exists',
  })
  @ApiAcceptedResponse()
  requestReset(@Body() body: EmailLinkRequestDto, @Lang() lang: RequestLanguage): void {
    this.links.request('password-reset', body.email, lang);
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the e-mailed token; every session of the account ends' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse(INVALID_LINK)
  confirmReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    return this.links.resetPassword(body.token, body.password);
  }

  @EmailLinkRateLimit()
  @Post('sign-in-link')
  @HttpCode(202)
  @ApiOperation({
    summary: 'E-mail a sign-in link (valid 15 min, once); 202 whether or not the account exists',
  })
  @ApiAcceptedResponse()
  requestSignInLink(@Body() body: EmailLinkRequestDto, @Lang() lang: RequestLanguage): void {
    this.links.request('sign-in', body.email, lang);
  }

  @Post('sign-in-link/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with the e-mailed token, once' })
  @ApiOkResponse({ type: AuthResponseDto.Output })
  @ApiBadRequestResponse(INVALID_LINK)
  confirmSignInLink(@Body() body: SignInLinkConfirmDto): Promise<AuthResponse> {
    return this.links.signIn(body.token);
  }
}
