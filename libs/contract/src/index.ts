export * from './lib/common';
export * from './lib/auth';
export * from './lib/forums';
export * from './lib/rooms';
export * from './lib/realtime';
export * from './lib/polls';
export * from './lib/initiatives';
export * from './lib/qa';
