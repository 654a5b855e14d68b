import { Module, type DynamicModule, type OnModuleInit, type Type } from '@nestjs/common';
import { PersonalData } from '@helix/api/core';
import { MongooseModule } from '@nestjs/mongoose';
import { ForumsModule } from '@helix/api/forums';
import { InvitationRecord, InvitationSchema } from './invitations/invitation.schema';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { InvitationsStore } from './invitations/invitations-store';
import { GroupChangeRecord, GroupChangeSchema } from './group-change.schema';
import { GroupChanges } from './group-changes';
import { GroupChangesController, OwnGroupChangeController } from './group-changes.controller';
import { GroupChangesService } from './group-changes.service';
import { PeopleAccounts } from './people-accounts';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { RoleChangeRecord, RoleChangeSchema } from './role-change.schema';
import { RoleChanges } from './role-changes';

@Module({})
export class PeopleModule implements OnModuleInit {
  constructor(
    private readonly personalData: PersonalData,
    private readonly groupChanges: GroupChangesService,
  ) {}

  onModuleInit(): void {
    this.personalData.register({
      exportOf: (userId) => ({ groupChanges: this.groupChanges.history(userId) }),
    });
  }

  /** `accounts`: the accounts feature's implementation, which must be visible here (a global module's). */
  static forRoot(accounts: Type<PeopleAccounts>): DynamicModule {
    return {
      module: PeopleModule,
      imports: [
        ForumsModule,
        MongooseModule.forFeature([
          { name: RoleChangeRecord.name, schema: RoleChangeSchema },
          { name: InvitationRecord.name, schema: InvitationSchema },
          { name: GroupChangeRecord.name, schema: GroupChangeSchema },
        ]),
      ],
      // Before PeopleController, so /people/group-changes is not taken for a person's id.
      controllers: [
        GroupChangesController,
        OwnGroupChangeController,
        PeopleController,
        InvitationsController,
      ],
      providers: [
        PeopleService,
        RoleChanges,
        InvitationsService,
        InvitationsStore,
        GroupChanges,
        GroupChangesService,
        { provide: PeopleAccounts, useExisting: accounts },
      ],
    };
  }
}
