export { QaModule } from './lib/qa.module';
