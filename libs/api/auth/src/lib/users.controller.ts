import { Body, Controller, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam, Roles } from '@helix/api/core';
import type { User } from '@helix/contract';
import { SetRolesDto, UserDto } from './dto/auth.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Patch(':id/roles')
  @Roles('admin')
  @ApiOkResponse({ type: UserDto.Output })
  @ApiForbiddenResponse({ description: 'Only admins set roles' })
  @ApiNotFoundResponse()
  setRoles(@IdParam('id') id: string, @Body() body: SetRolesDto): Promise<User> {
    return this.users.setRoles(id, body.roles);
  }
}
