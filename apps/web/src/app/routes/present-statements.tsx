import { StatementResultsPage } from '@helix/web/statements/pages';
import { useParams } from 'react-router';

/** Loaded on demand (see the router): a room's statement results, full screen for the projector. */
export default function PresentStatementsRoute() {
  const { roomId = '' } = useParams();
  return <StatementResultsPage roomId={roomId} />;
}
