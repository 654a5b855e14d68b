import {
  agendaSessionSchema,
  createForumRequestSchema,
  createRoomRequestSchema,
  createSessionRequestSchema,
  forumSchema,
  joinCodeSchema,
  listRoomsQuerySchema,
  organizerRequestSchema,
  organizerSchema,
  reorderRoomsRequestSchema,
  roomSchema,
  updateForumRequestSchema,
  updateRoomRequestSchema,
  updateSessionRequestSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ForumDto extends createZodDto(forumSchema) {}
export class CreateForumDto extends createZodDto(createForumRequestSchema) {}
export class UpdateForumDto extends createZodDto(updateForumRequestSchema) {}
export class OrganizerDto extends createZodDto(organizerSchema) {}
export class AddOrganizerDto extends createZodDto(organizerRequestSchema) {}
export class RoomDto extends createZodDto(roomSchema) {}
export class ListRoomsQueryDto extends createZodDto(listRoomsQuerySchema) {}
export class CreateRoomDto extends createZodDto(createRoomRequestSchema) {}
export class UpdateRoomDto extends createZodDto(updateRoomRequestSchema) {}
export class ReorderRoomsDto extends createZodDto(reorderRoomsRequestSchema) {}
export class AgendaSessionDto extends createZodDto(agendaSessionSchema) {}
export class CreateSessionDto extends createZodDto(createSessionRequestSchema) {}
export class UpdateSessionDto extends createZodDto(updateSessionRequestSchema) {}
export class JoinCodeQueryDto extends createZodDto(z.strictObject({ code: joinCodeSchema })) {}
