import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, IdParam, Roles, type AuthenticatedUser } from '@helix/api/core';
import type { PeoplePage, Person, PersonSession, RoleChange } from '@helix/contract';
import {
  PeoplePageDto,
  PeopleQueryDto,
  PersonDto,
  PersonSessionDto,
  RoleChangeDto,
  SetPersonRolesDto,
} from './people.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
// The directory is for admins, organizers and moderators; everyone else is refused.
@ApiForbiddenResponse({ description: 'Not an admin, organizer or moderator' })
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiOperation({
    summary: 'Search people by name, organization, group and role (admins, organizers, moderators)',
  })
  @ApiOkResponse({ type: PeoplePageDto.Output })
  search(@CurrentUser() user: AuthenticatedUser, @Query() query: PeopleQueryDto): PeoplePage {
    return this.people.search(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PersonDto.Output })
  @ApiNotFoundResponse()
  person(@CurrentUser() user: AuthenticatedUser, @IdParam('id') id: string): Person {
    return this.people.person(user, id);
  }

  @Patch(':id/roles')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Set forum-wide roles and the rooms the person moderates (moderator of rooms); the change is logged',
  })
  @ApiOkResponse({ type: PersonDto.Output })
  setRoles(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('id') id: string,
    @Body() body: SetPersonRolesDto,
  ): Promise<Person> {
    return this.people.setRoles(user, id, body);
  }

  @Get(':id/role-changes')
  @ApiOperation({ summary: 'Who changed this person’s roles, from what to what, newest first' })
  @ApiOkResponse({ type: [RoleChangeDto.Output] })
  roleChanges(@CurrentUser() user: AuthenticatedUser, @IdParam('id') id: string): RoleChange[] {
    return this.people.roleChanges(user, id);
  }

  @Get(':id/sessions')
  @Roles('admin')
  @ApiOperation({ summary: 'The person’s live sessions (signed-in devices), newest first' })
  @ApiOkResponse({ type: [PersonSessionDto.Output] })
  sessions(@IdParam('id') id: string): Promise<PersonSession[]> {
    return this.people.sessions(id);
  }

  @Delete(':id/sessions')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of the person: each device must sign in again' })
  @ApiNoContentResponse()
  endSessions(@IdParam('id') id: string): Promise<void> {
    return this.people.endSessions(id);
  }

  @Delete(':id/sessions/:sessionId')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  endSession(@IdParam('id') id: string, @Param('sessionId') sessionId: string): Promise<void> {
    return this.people.endSession(id, sessionId);
  }
}
