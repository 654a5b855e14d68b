export { PeopleDirectory } from './components/people-directory';
export { Outbox } from './components/outbox';
export { InvitationsScreen } from './components/invitations-screen';
export { InvitationPage } from './components/invitation-page';
