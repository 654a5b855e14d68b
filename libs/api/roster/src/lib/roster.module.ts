import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ForumsModule } from '@helix/api/forums';
import { BadgeTokens } from './badge-tokens';
import { BadgesController } from './badges.controller';
import { RosterAccounts } from './roster-accounts';
import { RosterController } from './roster.controller';
import { RosterService } from './roster.service';
import { RosterStore } from './roster-store';
import { BadgeSignInRecord, BadgeSignInSchema } from './schemas/badge-sign-in.schema';
import { RosterEntryRecord, RosterEntrySchema } from './schemas/roster-entry.schema';

@Module({})
export class RosterModule {
  /** `accounts`: the accounts feature's implementation, which must be visible here (a global module's). */
  static forRoot(accounts: Type<RosterAccounts>): DynamicModule {
    return {
      module: RosterModule,
      imports: [
        ForumsModule,
        MongooseModule.forFeature([
          { name: RosterEntryRecord.name, schema: RosterEntrySchema },
          { name: BadgeSignInRecord.name, schema: BadgeSignInSchema },
        ]),
      ],
      controllers: [RosterController, BadgesController],
      providers: [
        RosterService,
        RosterStore,
        BadgeTokens,
        { provide: RosterAccounts, useExisting: accounts },
      ],
    };
  }
}
