export { PeopleModule } from './lib/people.module';
export { PeopleAccounts, type PeopleAccount } from './lib/people-accounts';
