import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Lang, Roles, type AuthenticatedUser, type RequestLanguage } from '@helix/api/core';
import type { ConsensusRuleSettings } from '@helix/contract';
import { ConsensusRuleSettingsDto, ForumQueryDto, UpdateConsensusRuleDto } from './dto/initiatives.dto';
import { ConsensusRuleService } from './consensus-rule.service';

@ApiTags('initiatives')
@ApiBearerAuth()
@ApiHeader({
  name: 'Accept-Language',
  required: false,
  description: '`ru` for the rule in Russian, else English',
})
@Controller('consensus-rule')
export class ConsensusRuleController {
  constructor(private readonly rule: ConsensusRuleService) {}

  @Get()
  @ApiOperation({ summary: "The forum's minimum consensus rule: voting opens with it or a stricter one" })
  @ApiOkResponse({ type: ConsensusRuleSettingsDto.Output })
  @ApiNotFoundResponse({ description: 'No such forum' })
  get(@Query() query: ForumQueryDto, @Lang() lang: RequestLanguage): ConsensusRuleSettings {
    return this.rule.settings(this.rule.forumOf(query.forumId), lang);
  }

  @Patch()
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary: "Change the forum's minimum consensus rule (moderators); votes already open keep their rule",
  })
  @ApiOkResponse({ type: ConsensusRuleSettingsDto.Output })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse()
  @ApiNotFoundResponse({ description: 'No such forum' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ForumQueryDto,
    @Body() body: UpdateConsensusRuleDto,
    @Lang() lang: RequestLanguage,
  ): Promise<ConsensusRuleSettings> {
    return this.rule.update(user, this.rule.forumOf(query.forumId), body, lang);
  }
}
