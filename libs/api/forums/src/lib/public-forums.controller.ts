import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Lang, Public, type RequestLanguage } from '@helix/api/core';
import type { Forum, PublicOutcome } from '@helix/contract';
import { forumSlugSchema } from '@helix/contract';
import { ForumDto, JoinCodeQueryDto } from './dto/forums.dto';
import { ForumsService } from './forums.service';

/**
 * What anyone may read without signing in: the forum of a join code and a published outcome. A controller of
 * their own, so the API document declares no bearer for them.
 */
@ApiTags('forums')
@Public()
@Controller()
export class PublicForumsController {
  constructor(private readonly forums: ForumsService) {}

  @Get('forums/join')
  @ApiOperation({ summary: 'The live forum of a join code (typed at /join); no sign-in needed' })
  @ApiOkResponse({ type: ForumDto.Output })
  @ApiNotFoundResponse()
  join(@Query() query: JoinCodeQueryDto, @Lang() lang: RequestLanguage): Forum {
    return this.forums.byJoinCode(query.code, lang);
  }

  @Get('public/forums/:slug/outcome')
  @ApiOperation({
    summary:
      'What a forum decided, for anyone (no sign-in): adopted initiatives, closed polls, answered questions',
  })
  @ApiOkResponse({ description: 'PublicOutcome' })
  @ApiNotFoundResponse({ description: 'No such forum, or its outcome is not published' })
  outcome(@Param('slug') slug: string, @Lang() lang: RequestLanguage): PublicOutcome {
    const parsed = forumSlugSchema.safeParse(slug);
    return this.forums.outcome(parsed.success ? parsed.data : '', lang);
  }
}
