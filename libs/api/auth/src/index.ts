export { AuthModule } from './lib/auth.module';
