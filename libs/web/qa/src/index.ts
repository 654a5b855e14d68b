import './qa.css';

export { RoomQaPanel, QA_HEADING_ID } from './components/room-qa-panel';
export { QuestionReviewQueue } from './components/question-review-queue';
export { QuestionsPresentView } from './components/questions-present-view';
export { applyQaEvent } from './api/question-cache';
