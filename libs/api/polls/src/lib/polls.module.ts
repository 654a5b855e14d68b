import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PersonalData } from '@helix/api/core';
import { ModerationModule, ProjectorTargets } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { ForumParts, ForumsModule } from '@helix/api/forums';
import { PollCloser } from './poll-closer';
import { PollResultPosts } from './poll-result-posts';
import { PollsController } from './polls.controller';
import { PollsForumPart } from './polls-forum-part';
import { PollsGateway } from './polls.gateway';
import { PollsService } from './polls.service';
import { PollsStore } from './polls-store';
import { POLL_BALLOTS, PollBallotsSchema, PollRecord, PollSchema } from './schemas/poll.schema';
import { PollCloseClaims } from './poll-close-claims';
import { PollCloseClaimRecord, PollCloseClaimSchema } from './schemas/poll-close-claim.schema';

@Module({
  imports: [
    RealtimeModule,
    ForumsModule,
    ModerationModule,
    MongooseModule.forFeature([
      { name: PollRecord.name, schema: PollSchema },
      { name: POLL_BALLOTS, schema: PollBallotsSchema },
      { name: PollCloseClaimRecord.name, schema: PollCloseClaimSchema },
    ]),
  ],
  controllers: [PollsController],
  providers: [
    PollsStore,
    PollsService,
    PollCloseClaims,
    PollsGateway,
    PollsForumPart,
    PollCloser,
    PollResultPosts,
  ],
})
export class PollsModule implements OnModuleInit {
  constructor(
    private readonly targets: ProjectorTargets,
    private readonly polls: PollsService,
    private readonly parts: ForumParts,
    private readonly forumPart: PollsForumPart,
    private readonly personalData: PersonalData,
    private readonly store: PollsStore,
  ) {}

  onModuleInit(): void {
    this.parts.register(this.forumPart);
    this.personalData.register({
      exportOf: (userId) => ({
        pollBallots: this.store.votedBy(userId).map(({ poll, ballot }) => ({
          pollId: poll._id.toHexString(),
          roomId: poll.roomId,
          question: poll.question,
          optionIds: ballot.optionIds,
          group: ballot.group,
          at: ballot.at.toISOString(),
        })),
      }),
    });
    this.targets.register('poll', async (roomId, pollId) => this.polls.requireShowable(roomId, pollId));
  }
}
