export { RosterModule } from './lib/roster.module';
export { RosterAccounts, type ImportedPerson, type RosterAccount } from './lib/roster-accounts';
