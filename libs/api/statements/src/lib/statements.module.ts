import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
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
export class StatementsModule {}
