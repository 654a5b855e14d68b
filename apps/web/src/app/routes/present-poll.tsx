import { PollPresentPage } from '@helix/web/polls/present';
import { useParams } from 'react-router';

/** Loaded on demand (see the router): the projector view and its QR code stay out of the main bundle. */
export default function PresentPollRoute() {
  const { pollId = '' } = useParams();
  return <PollPresentPage pollId={pollId} />;
}
