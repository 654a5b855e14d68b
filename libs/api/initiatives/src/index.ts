export { InitiativesModule } from './lib/initiatives.module';
