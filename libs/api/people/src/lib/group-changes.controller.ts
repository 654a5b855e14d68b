import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
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
import { CreateRateLimit, CurrentUser, IdParam, type AuthenticatedUser } from '@helix/api/core';
import type { GroupChange, OwnGroupChanges } from '@helix/contract';
import { GroupChangeDto, GroupChangeRequestDto, OwnGroupChangesDto } from './people.dto';
import { GroupChangesService } from './group-changes.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/me/group-change')
export class OwnGroupChangeController {
  constructor(private readonly changes: GroupChangesService) {}

  @Post()
  @CreateRateLimit()
  @ApiOperation({
    summary:
      'Ask to move to another stakeholder group; an organizer decides, a new request replaces a waiting one',
  })
  @ApiCreatedResponse({ type: GroupChangeDto.Output })
  @ApiConflictResponse({ description: 'Already in that group' })
  request(@CurrentUser() user: AuthenticatedUser, @Body() body: GroupChangeRequestDto): Promise<GroupChange> {
    return this.changes.request(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'My waiting group change request, if any, and every earlier one' })
  @ApiOkResponse({ type: OwnGroupChangesDto.Output })
  own(@CurrentUser() user: AuthenticatedUser): OwnGroupChanges {
    return this.changes.own(user);
  }
}

@ApiTags('people')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not an admin or a forum organizer' })
@Controller('people/group-changes')
export class GroupChangesController {
  constructor(private readonly changes: GroupChangesService) {}

  @Get()
  @ApiOperation({ summary: 'Group change requests waiting for a decision, oldest first' })
  @ApiOkResponse({ type: [GroupChangeDto.Output] })
  pending(@CurrentUser() user: AuthenticatedUser): GroupChange[] {
    return this.changes.pending(user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the person to the group they asked for; votes already cast keep theirs' })
  @ApiOkResponse({ type: GroupChangeDto.Output })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already decided or replaced' })
  approve(@CurrentUser() user: AuthenticatedUser, @IdParam('id') id: string): Promise<GroupChange> {
    return this.changes.approve(user, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: GroupChangeDto.Output })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already decided or replaced' })
  decline(@CurrentUser() user: AuthenticatedUser, @IdParam('id') id: string): Promise<GroupChange> {
    return this.changes.decline(user, id);
  }
}
