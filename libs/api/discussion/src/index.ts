export { DiscussionModule } from './lib/discussion.module';
