import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PersonalData, renamePerson } from '@helix/api/core';
import { ModerationModule, ProjectorTargets } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { ForumParts, ForumsModule } from '@helix/api/forums';
import { SearchModule } from '@helix/api/search';
import { AmendmentsController } from './amendments.controller';
import { ConsensusRuleController } from './consensus-rule.controller';
import { ConsensusRuleService } from './consensus-rule.service';
import { InitiativeCloser } from './initiative-closer';
import { InitiativesController } from './initiatives.controller';
import { InitiativesForumPart } from './initiatives-forum-part';
import { InitiativesService } from './initiatives.service';
import { InitiativesStore } from './initiatives-store';
import { ForumPledgesController, PledgesController } from './pledges.controller';
import { ConsensusRuleRecord, ConsensusRuleSchema } from './schemas/consensus-rule.schema';
import {
  INITIATIVE_VOTES,
  InitiativeRecord,
  InitiativeSchema,
  InitiativeVotesSchema,
} from './schemas/initiative.schema';

@Module({
  imports: [
    RealtimeModule,
    ForumsModule,
    ModerationModule,
    SearchModule,
    MongooseModule.forFeature([
      { name: InitiativeRecord.name, schema: InitiativeSchema },
      { name: INITIATIVE_VOTES, schema: InitiativeVotesSchema },
      { name: ConsensusRuleRecord.name, schema: ConsensusRuleSchema },
    ]),
  ],
  controllers: [
    InitiativesController,
    AmendmentsController,
    PledgesController,
    ForumPledgesController,
    ConsensusRuleController,
  ],
  providers: [
    ConsensusRuleService,
    InitiativesStore,
    InitiativesService,
    InitiativeCloser,
    InitiativesForumPart,
  ],
})
export class InitiativesModule implements OnModuleInit {
  constructor(
    private readonly targets: ProjectorTargets,
    private readonly initiatives: InitiativesService,
    private readonly parts: ForumParts,
    private readonly forumPart: InitiativesForumPart,
    private readonly personalData: PersonalData,
    private readonly store: InitiativesStore,
  ) {}

  onModuleInit(): void {
    this.parts.register(this.forumPart);
    // A pass over the initiatives in memory, asked only by a person's own data export.
    this.personalData.register({
      exportOf: (userId) => {
        const all = this.store.all();
        return {
          initiativesProposed: all
            .filter((initiative) => initiative.proposer.id === userId)
            .map((initiative) => ({
              id: initiative._id.toHexString(),
              title: initiative.title,
              status: initiative.status,
              createdAt: initiative.createdAt.toISOString(),
            })),
          initiativeVotes: all.flatMap((initiative) => {
            const vote = initiative.votes[userId];
            return vote
              ? [
                  {
                    initiativeId: initiative._id.toHexString(),
                    title: initiative.title,
                    position: vote.position,
                    reason: vote.reason,
                    group: vote.group,
                    at: vote.at.toISOString(),
                  },
                ]
              : [];
          }),
        };
      },
      anonymise: async (person, former) => {
        for (const initiative of this.store.all())
          if (renamePerson(initiative, person.id, former) !== initiative)
            await this.initiatives.renameFormer(person, initiative._id.toHexString(), former);
      },
    });
    this.targets.register('initiative', async (_roomId, id) => this.initiatives.requireShowable(id));
  }
}
