import { Injectable } from '@nestjs/common';
import { AccessTokens, FirstScreens, UserDirectory, type RequestLanguage } from '@helix/api/core';
import { RoomsService } from '@helix/api/forums';
import { userSchema, type FirstScreen } from '@helix/contract';

/**
 * The rooms list's first screen: the same answers `/auth/me` and `/rooms` give the token's holder, from
 * the accounts and forums features, for a page the server renders (libs/api/core first-screen-page.ts).
 */
@Injectable()
export class RoomsFirstScreen extends FirstScreens {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly users: UserDirectory,
    private readonly rooms: RoomsService,
  ) {
    super();
  }

  async of(accessToken: string, language: RequestLanguage): Promise<FirstScreen | null> {
    const reader = await this.tokens.verify(accessToken).catch(() => null);
    const account = reader && (await this.users.findById(reader.id));
    if (!reader || !account) return null;
    // The account's email, and the roles and rooms as they are now (the token's may be older).
    return { me: userSchema.parse({ ...account, ...reader }), rooms: this.rooms.list(reader, {}, language) };
  }
}
