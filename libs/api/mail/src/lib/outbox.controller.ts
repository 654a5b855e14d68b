import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helix/api/core';
import type { OutboxMessage } from '@helix/contract';
import { OutboxMessageDto } from './outbox.dto';
import { Outbox, OUTBOX_PAGE } from './outbox';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly outbox: Outbox) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: `E-mail kept because SMTP_URL is not set: the newest ${OUTBOX_PAGE}, optionally to one address`,
  })
  @ApiQuery({ name: 'to', required: false, description: 'Only the messages to this address' })
  @ApiOkResponse({ type: [OutboxMessageDto.Output] })
  list(@Query('to') to?: string): OutboxMessage[] {
    return this.outbox.list(typeof to === 'string' ? to : undefined);
  }
}
