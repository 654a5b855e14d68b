import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { roomSchema, type Room } from '@helix/contract';
import { createZodDto } from 'nestjs-zod';
import { RoomsService } from './rooms.service';

class RoomDto extends createZodDto(roomSchema) {}

@ApiTags('rooms')
@ApiBearerAuth()
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get()
  @ApiOkResponse({ type: [RoomDto.Output] })
  list(): Promise<Room[]> {
    return this.rooms.list();
  }
}
