export { HelixConfigModule, type EnvOverrides } from './lib/config/config.module';
export { HelixConfig } from './lib/config/helix-config';
export { parseEnv, InvalidConfigError, type Env } from './lib/config/env.schema';
export { DatabaseModule } from './lib/database/database.module';
export { DatabaseUriProvider } from './lib/database/embedded-database.service';
export { DatabaseHealth } from './lib/database/database-health';
export { insertedFirst, isDatabaseUnavailable, isDuplicateKeyError } from './lib/database/database-errors';
export { AuthCoreModule } from './lib/auth/auth-core.module';
export { AccessTokens, type AccessTokenSubject } from './lib/auth/access-tokens';
export {
  AGENDA_ACTOR,
  isModerator,
  mayModerateRoom,
  moderatesAnyRoom,
  requireRoomModeration,
  toPublicUser,
  type AuthenticatedUser,
} from './lib/auth/authenticated-user';
export { UserDirectory, type DirectoryUser } from './lib/auth/user-directory';
export { SessionDirectory } from './lib/auth/session-directory';
export {
  PersonalData,
  renamePerson,
  type PersonalDataPart,
  type PersonalDataSections,
} from './lib/auth/personal-data';
export { CurrentUser, ModeratesRoom, Public, Roles } from './lib/auth/decorators';
export { HttpErrorFilter } from './lib/http/http-exception.filter';
export { toErrorBody } from './lib/http/error-body';
export { IdParam } from './lib/http/id-param';
export { completeOpenApiDocument, methodNotAllowed } from './lib/http/openapi';
export {
  Lang,
  currentLanguage,
  languageOf,
  runInLanguage,
  type RequestLanguage,
} from './lib/http/request-language';
export { localizeErrorMessage, russianErrorMessage } from './lib/http/error-messages';
export { localizeIssue } from './lib/http/validation-messages';
export { KeyedMutex } from './lib/data/keyed-mutex';
export { FifoSemaphore } from './lib/data/fifo-semaphore';
export {
  BadgeLinkRateLimit,
  clientAddress,
  CreateRateLimit,
  EmailLinkRateLimit,
  LoginRateLimit,
  NoRateLimit,
  personKey,
  RefreshTokenRateLimit,
  RegisterRateLimit,
} from './lib/http/rate-limits';
export { RetryLaterException } from './lib/http/retry-later.exception';
export {
  archiveManifest,
  documentLine,
  parseDocumentLine,
  type ArchiveManifest,
  type ArchivedDocument,
} from './lib/data/document-lines';
export { csvFile, csvFileName, csvText, type CsvName } from './lib/http/csv-file';
export { deterministicId } from './lib/data/deterministic-id';
export { GroupCommit } from './lib/data/group-commit';
export { ReadModel } from './lib/data/read-model';
export { jsonBody } from './lib/http/json-body';
export { webClient } from './lib/http/web-client';
export { FirstScreens } from './lib/http/first-screen-page';
export { securityHeaders } from './lib/http/security-headers';
export {
  BallotBox,
  ballotBucketOf,
  bucketIdsOf,
  ballotBucketSchema,
  BALLOT_BUCKETS,
  type BallotBucket,
} from './lib/data/ballot-box';
export { HELIX_VERSION, SCHEMA_VERSION } from './lib/config/versions';
