import { listMessagesQuerySchema, messageSendSchema, registerRequestSchema } from '../index';

describe('contract schemas', () => {
  it('normalises emails and refuses unknown keys', () => {
    const valid = {
      email: 'Ivan@TSU.ru',
      password: '0123456789',
      displayName: ' Ivan ',
      organization: 'TSU',
      stakeholderGroup: 'university',
    };
    expect(registerRequestSchema.parse(valid)).toMatchObject({ email: 'ivan@tsu.ru', displayName: 'Ivan' });
    expect(registerRequestSchema.safeParse({ ...valid, roles: ['admin'] }).success).toBe(false);
    expect(registerRequestSchema.safeParse({ ...valid, password: '123456789' }).success).toBe(false);
  });

  it('bounds message text and history pages', () => {
    const base = { roomId: 'a'.repeat(24), threadId: 'b'.repeat(24), clientId: 'c1' };
    expect(messageSendSchema.safeParse({ ...base, text: 'x'.repeat(4000) }).success).toBe(true);
    expect(messageSendSchema.safeParse({ ...base, text: 'x'.repeat(4001) }).success).toBe(false);
    expect(messageSendSchema.safeParse({ ...base, text: { $ne: '' } }).success).toBe(false);
    expect(listMessagesQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(listMessagesQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
  });
});
