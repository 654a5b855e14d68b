import { Module } from '@nestjs/common';
import { ForumsModule } from '@helix/api/forums';
import { SearchController } from './search.controller';
import { SearchIndex } from './search-index';

/** The forum-wide full-text index and its routes; features keep their documents in it. */
@Module({
  imports: [ForumsModule],
  controllers: [SearchController],
  providers: [SearchIndex],
  exports: [SearchIndex],
})
export class SearchModule {}
