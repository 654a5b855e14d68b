import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import { DatabaseUriProvider } from './embedded-database.service';
import { DatabaseHealth } from './database-health';
import { HealthController } from '../health/health.controller';

// Filters are built only from validated DTOs, but these make an operator object in a filter inert anyway.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);

@Global()
@Module({
  providers: [DatabaseUriProvider],
  exports: [DatabaseUriProvider],
})
class DatabaseUriModule {}

@Global()
@Module({
  imports: [
    DatabaseUriModule,
    MongooseModule.forRootAsync({
      inject: [DatabaseUriProvider],
      useFactory: async (uris: DatabaseUriProvider) => ({
        uri: await uris.resolveUri(),
        // Fail fast while the database is away so requests answer 503 instead of hanging.
        bufferCommands: false,
        serverSelectionTimeoutMS: 3_000,
        connectTimeoutMS: 3_000,
        socketTimeoutMS: 60_000,
        maxPoolSize: 20,
        // Every command's timing, for the database metrics (DatabaseMetrics in the observability library).
        monitorCommands: true,
        autoIndex: true,
        // Nest's own retry loop at startup: a server that is still booting gets ~10 s, then startup fails.
        retryAttempts: 4,
        retryDelay: 2_000,
      }),
    }),
  ],
  controllers: [HealthController],
  providers: [DatabaseHealth],
  exports: [DatabaseHealth],
})
export class DatabaseModule {}
