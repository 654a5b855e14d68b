import {
  groupChangeRequestSchema,
  groupChangeSchema,
  ownGroupChangesSchema,
  peoplePageSchema,
  peopleQuerySchema,
  personSchema,
  personSessionSchema,
  roleChangeSchema,
  setRolesRequestSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class PeopleQueryDto extends createZodDto(peopleQuerySchema) {}
export class PeoplePageDto extends createZodDto(peoplePageSchema) {}
export class PersonDto extends createZodDto(personSchema) {}
export class RoleChangeDto extends createZodDto(roleChangeSchema) {}
export class PersonSessionDto extends createZodDto(personSessionSchema) {}
export class SetPersonRolesDto extends createZodDto(setRolesRequestSchema) {}
export class GroupChangeRequestDto extends createZodDto(groupChangeRequestSchema) {}
export class GroupChangeDto extends createZodDto(groupChangeSchema) {}
export class OwnGroupChangesDto extends createZodDto(ownGroupChangesSchema) {}
