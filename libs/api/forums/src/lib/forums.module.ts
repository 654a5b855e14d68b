import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RealtimeModule } from '@helix/api/realtime';
import { AgendaClock } from './agenda-clock';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';
import { ForumArchive } from './forum-archive';
import { ForumParts } from './forum-parts';
import { PublicForumsController } from './public-forums.controller';
import { ForumsController } from './forums.controller';
import { ForumsService } from './forums.service';
import { ForumsStore } from './forums-store';
import { RoomsController } from './rooms.controller';
import { RoomMessages } from './room-messages';
import { RoomPosts } from './room-posts';
import { RoomsService } from './rooms.service';
import { AgendaClaimRecord, AgendaClaimSchema } from './schemas/agenda-claim.schema';
import { AgendaSessionRecord, AgendaSessionSchema } from './schemas/agenda-session.schema';
import { ForumRecord, ForumSchema } from './schemas/forum.schema';
import { RoomRecord, RoomSchema } from './schemas/room.schema';
import { ForumSeeder } from './seed/forum-seeder';

/** Forums, their rooms and their agendas: every feature that lives in a room builds on this. */
@Module({
  imports: [
    RealtimeModule,
    MongooseModule.forFeature([
      { name: ForumRecord.name, schema: ForumSchema },
      { name: RoomRecord.name, schema: RoomSchema },
      { name: AgendaSessionRecord.name, schema: AgendaSessionSchema },
      { name: AgendaClaimRecord.name, schema: AgendaClaimSchema },
    ]),
  ],
  // The public controller first: its `forums/join` must be matched before `forums/:forumId`.
  controllers: [PublicForumsController, ForumsController, RoomsController, AgendaController],
  providers: [
    ForumsStore,
    ForumArchive,
    ForumSeeder,
    ForumsService,
    RoomsService,
    AgendaService,
    AgendaClock,
    ForumParts,
    RoomMessages,
    RoomPosts,
  ],
  exports: [ForumsStore, ForumsService, RoomsService, ForumParts, RoomMessages, RoomPosts],
})
export class ForumsModule {}
