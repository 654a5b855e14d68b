import './moderation.css';

export { useRoomSettings } from './api/get-room-settings';
export { useUpdateRoomSettings } from './api/update-room-settings';
export { useModerationLog } from './api/get-moderation-log';
export { applyModerationEvent } from './api/moderation-cache';
export { useModerationLive } from './hooks/use-moderation-live';
export { usePresenceByGroup } from './hooks/use-presence';
export { ProjectorButton, ProjectorCard } from './components/projector-controls';
export { QaReviewToggle } from './components/qa-review-toggle';
export { OnlineByGroup } from './components/online-by-group';
export { ModerationLog } from './components/moderation-log';
export { ModeratorsOnly } from './components/moderators-only';
export { ConsoleSectionLinks } from './components/console-section-links';
