import { Body, Controller, Delete, Get, Header, HttpCode, Ip, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  clientAddress,
  CurrentUser,
  LoginRateLimit,
  Public,
  RefreshTokenRateLimit,
  RegisterRateLimit,
  type AuthenticatedUser,
} from '@helix/api/core';
import type { AuthResponse, PersonalDataExport, TokenPair, User } from '@helix/contract';
import { AuthService } from './auth.service';
import {
  AuthResponseDto,
  DeleteAccountDto,
  LoginDto,
  PersonalDataExportDto,
  RefreshDto,
  RegisterDto,
  TokenPairDto,
  UpdateProfileDto,
  UserDto,
} from './dto/auth.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @RegisterRateLimit()
  @Post('register')
  @ApiOperation({ summary: 'Create an account; emails in ADMIN_EMAILS become admins' })
  @ApiCreatedResponse({ type: AuthResponseDto.Output })
  @ApiConflictResponse({ description: 'The email is already registered' })
  register(@Body() body: RegisterDto): Promise<AuthResponse> {
    return this.auth.register(body);
  }

  @Public()
  @LoginRateLimit()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto.Output })
  @ApiUnauthorizedResponse({ description: 'Unknown email or wrong password (one message for both)' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<AuthResponse> {
    return this.auth.login(body, clientAddress({ ip }));
  }

  @Public()
  @RefreshTokenRateLimit()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token; presenting a used one revokes its whole chain' })
  @ApiOkResponse({ type: TokenPairDto.Output })
  @ApiUnauthorizedResponse({ description: 'Invalid, expired, revoked or reused refresh token' })
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @RefreshTokenRateLimit()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The refresh token and its chain no longer work' })
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto.Output })
  @ApiUnauthorizedResponse()
  me(@CurrentUser() user: AuthenticatedUser): Promise<User> {
    return this.auth.me(user.id);
  }

  @Patch('me')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Correct one’s display name, organization or language (of e-mail); access tokens carry it from the next refresh',
  })
  @ApiOkResponse({ type: UserDto.Output })
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<User> {
    return this.users.updateProfile(user.id, body);
  }

  @Get('me/export')
  @ApiBearerAuth()
  @Header('Content-Disposition', 'attachment; filename="helix-my-data.json"')
  @ApiOperation({
    summary:
      'Everything Helix keeps about me as one JSON file: the account, sessions, messages, reactions, votes, questions, initiatives, moderation, group changes',
  })
  @ApiOkResponse({ type: PersonalDataExportDto.Output })
  exportMe(@CurrentUser() user: AuthenticatedUser): Promise<PersonalDataExport> {
    return this.auth.exportOf(user.id);
  }

  @Delete('me')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete my account (confirmed with the password): every session ends at once; messages and votes stay, shown as a former participant’s',
  })
  @ApiNoContentResponse({ description: 'The account is gone; the e-mail may register again' })
  @ApiForbiddenResponse({ description: 'The password is not correct' })
  deleteMe(@CurrentUser() user: AuthenticatedUser, @Body() body: DeleteAccountDto): Promise<void> {
    return this.auth.deleteAccount(user, body.password);
  }
}
