import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PersonalData } from '@helix/api/core';
import { ModerationModule } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { ForumsModule } from '@helix/api/forums';
import { StatementResultsService } from './statement-results';
import { StatementsController } from './statements.controller';
import { StatementsService } from './statements.service';
import { StatementsStore } from './statements-store';
import {
  STATEMENT_BALLOTS,
  StatementBallotsSchema,
  StatementRecord,
  StatementSchema,
} from './schemas/statement.schema';

/** Statements that bridge groups (Pol.is): submitted, moderated, voted on one at a time, mapped. */
@Module({
  imports: [
    RealtimeModule,
    ForumsModule,
    ModerationModule,
    MongooseModule.forFeature([
      { name: StatementRecord.name, schema: StatementSchema },
      { name: STATEMENT_BALLOTS, schema: StatementBallotsSchema },
    ]),
  ],
  controllers: [StatementsController],
  providers: [StatementsStore, StatementsService, StatementResultsService],
})
export class StatementsModule implements OnModuleInit {
  constructor(
    private readonly personalData: PersonalData,
    private readonly store: StatementsStore,
  ) {}

  onModuleInit(): void {
    this.personalData.register({
      exportOf: (userId) => {
        const all = this.store.all();
        return {
          statementsSubmitted: all
            .filter(({ record }) => record.authorId === userId)
            .map(({ record }) => ({
              id: record._id.toHexString(),
              roomId: record.roomId,
              text: record.text,
              status: record.status,
              createdAt: record.createdAt.toISOString(),
            })),
          statementVotes: all.flatMap(({ record }) => {
            const ballot = this.store.ballotsOf(record._id.toHexString())[userId];
            return ballot
              ? [
                  {
                    statementId: record._id.toHexString(),
                    vote: ballot.vote,
                    group: ballot.group,
                    at: ballot.at.toISOString(),
                  },
                ]
              : [];
          }),
        };
      },
    });
  }
}
