export { StatementsModule } from './lib/statements.module';
