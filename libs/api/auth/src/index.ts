export { AuthModule } from './lib/auth.module';
export { AccountAdmin } from './lib/account-admin';
export type { Account } from './lib/accounts';
