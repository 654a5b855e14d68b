import {
  authResponseSchema,
  deleteAccountRequestSchema,
  emailLinkRequestSchema,
  passwordResetConfirmSchema,
  signInLinkConfirmSchema,
  updateProfileSchema,
  loginRequestSchema,
  personalDataExportSchema,
  refreshRequestSchema,
  registerRequestSchema,
  setRolesRequestSchema,
  tokenPairSchema,
  userSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class RegisterDto extends createZodDto(registerRequestSchema) {}
export class LoginDto extends createZodDto(loginRequestSchema) {}
export class RefreshDto extends createZodDto(refreshRequestSchema) {}
export class SetRolesDto extends createZodDto(setRolesRequestSchema) {}
export class UserDto extends createZodDto(userSchema) {}
export class AuthResponseDto extends createZodDto(authResponseSchema) {}
export class TokenPairDto extends createZodDto(tokenPairSchema) {}
export class EmailLinkRequestDto extends createZodDto(emailLinkRequestSchema) {}
export class PasswordResetConfirmDto extends createZodDto(passwordResetConfirmSchema) {}
export class SignInLinkConfirmDto extends createZodDto(signInLinkConfirmSchema) {}
export class UpdateProfileDto extends createZodDto(updateProfileSchema) {}
export class DeleteAccountDto extends createZodDto(deleteAccountRequestSchema) {}
export class PersonalDataExportDto extends createZodDto(personalDataExportSchema) {}
