export { PollsModule } from './lib/polls.module';
