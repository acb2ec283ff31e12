import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { LOCALES } from './common/locale.js';
import { PermissionSchema, RoleSchema } from './permissions.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const LoginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(64).describe('Username'),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH).describe('Password'),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const MfaVerifyBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/)
    .describe('6-digit code from the authenticator app, or a recovery code xxxxx-xxxxx'),
});

export const RoleGrantSchema = z.object({
  role: RoleSchema,
  orgId: IdSchema,
  orgName: z.string().optional(),
});
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const MeSchema = z
  .object({
    userId: IdSchema,
    username: z.string(),
    displayName: z.string(),
    locale: z.enum(LOCALES),
    roles: z.array(RoleGrantSchema),
    permissions: z.array(PermissionSchema),
    mfaEnabled: z.boolean(),
    mfaRequired: z
      .boolean()
      .describe('An admin role whose two-factor login is not yet enrolled while policy requires it'),
    mustChangePassword: z.boolean(),
    csrfToken: z.string().describe('Send back as the x-csrf-token header on every write made with the session cookie'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const LoginResultSchema = z.object({
  status: z.enum(['ok', 'mfa_required']),
  me: MeSchema.optional(),
});
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const UpdatePreferencesBodySchema = z.strictObject({
  locale: z.enum(LOCALES).optional(),
  displayName: z.string().trim().min(1).max(50).optional(),
});

export const MfaEnrollResultSchema = z.object({
  secret: z.string().describe('Base32 secret for manual entry'),
  otpauthUri: z.string(),
  qrDataUrl: z.string().describe('PNG data URL of the otpauth URI'),
});

export const MfaActivateBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const MfaActivateResultSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const MfaDisableBodySchema = z.strictObject({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const ApiTokenSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    prefix: z.string().describe('First characters of the token, to recognise it'),
    permissions: z.array(PermissionSchema),
    orgId: IdSchema,
    orgName: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(60).describe('What the token is for'),
  permissions: z.array(PermissionSchema).min(1).max(50).describe('Subset of your own permissions'),
  orgId: IdSchema.describe('Root of the subtree the token may act in; must be inside your scope'),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const CreateApiTokenResultSchema = z.object({
  token: ApiTokenSchema,
  secret: z.string().describe('Shown once; send as "Authorization: Bearer <secret>"'),
});
