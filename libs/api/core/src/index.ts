export { HelixConfigModule, type EnvOverrides } from './lib/config/config.module';
export { HelixConfig } from './lib/config/helix-config';
export { parseEnv, InvalidConfigError, type Env } from './lib/config/env.schema';
export { DatabaseModule } from './lib/database/database.module';
export { DatabaseUriProvider } from './lib/database/embedded-database.service';
export { DatabaseHealth } from './lib/database/database-health';
export { isDatabaseUnavailable, isDuplicateKeyError } from './lib/database/database-errors';
export { AuthCoreModule } from './lib/auth/auth-core.module';
export { AccessTokens, type AccessTokenSubject } from './lib/auth/access-tokens';
export { isModerator, toPublicUser, type AuthenticatedUser } from './lib/auth/authenticated-user';
export { CurrentUser, Public, Roles } from './lib/auth/decorators';
export { HttpErrorFilter } from './lib/http/http-exception.filter';
export { toErrorBody } from './lib/http/error-body';
export { IdParam } from './lib/http/id-param';
export { completeOpenApiDocument, methodNotAllowed } from './lib/http/openapi';
export { FreshCount } from './lib/data/fresh-count';
export {
  Lang,
  currentLanguage,
  languageOf,
  runInLanguage,
  type RequestLanguage,
} from './lib/http/request-language';
export { localizeErrorMessage, russianErrorMessage } from './lib/http/error-messages';
export { KeyedMutex } from './lib/data/keyed-mutex';
export { LoginRateLimit, RegisterRateLimit, WriteRateLimit, personKey } from './lib/http/rate-limits';
export { csvFile } from './lib/http/csv-file';
export { jsonBody } from './lib/http/json-body';
export { webClient } from './lib/http/web-client';
export { securityHeaders } from './lib/http/security-headers';
