export { PeopleDirectory } from './components/people-directory';
export { Outbox } from './components/outbox';
