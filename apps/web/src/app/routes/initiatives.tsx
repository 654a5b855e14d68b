import {
  EditInitiativePage,
  InitiativePage,
  InitiativesBoardPage,
  NewInitiativePage,
  OutcomePage,
} from '@helix/web/initiatives';

export function InitiativesRoute() {
  return <InitiativesBoardPage />;
}

export function NewInitiativeRoute() {
  return <NewInitiativePage />;
}

export function InitiativeRoute() {
  return <InitiativePage />;
}

export function EditInitiativeRoute() {
  return <EditInitiativePage />;
}

export function OutcomeRoute() {
  return <OutcomePage />;
}
