import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ForumsModule } from '@helix/api/forums';
import { InvitationRecord, InvitationSchema } from './invitations/invitation.schema';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { InvitationsStore } from './invitations/invitations-store';
import { PeopleAccounts } from './people-accounts';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { RoleChangeRecord, RoleChangeSchema } from './role-change.schema';
import { RoleChanges } from './role-changes';

@Module({})
export class PeopleModule {
  /** `accounts`: the accounts feature's implementation, which must be visible here (a global module's). */
  static forRoot(accounts: Type<PeopleAccounts>): DynamicModule {
    return {
      module: PeopleModule,
      imports: [
        ForumsModule,
        MongooseModule.forFeature([
          { name: RoleChangeRecord.name, schema: RoleChangeSchema },
          { name: InvitationRecord.name, schema: InvitationSchema },
        ]),
      ],
      controllers: [PeopleController, InvitationsController],
      providers: [
        PeopleService,
        RoleChanges,
        InvitationsService,
        InvitationsStore,
        { provide: PeopleAccounts, useExisting: accounts },
      ],
    };
  }
}
