import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, RoleGrantSchema } from './auth.schema.js';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { RoleSchema } from './permissions.js';

export const UserSchema = z
  .object({
    id: IdSchema,
    username: z.string(),
    displayName: z.string(),
    phoneMasked: z.string().nullable().describe('Phone with the middle digits hidden'),
    status: z.enum(['active', 'disabled']),
    roles: z.array(RoleGrantSchema),
    mfaEnabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/)
  .describe('Mainland mobile number, 11 digits starting with 1');

export const UsernameSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/)
  .describe('3–32 letters, digits, dot, dash or underscore, starting with a letter');

export const CreateUserBodySchema = z.strictObject({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(50),
  phone: PhoneSchema.optional(),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH)
    .describe('Initial password; the user must change it at first login'),
  roles: z
    .array(z.strictObject({ role: RoleSchema, orgId: IdSchema }))
    .min(1)
    .max(20),
  memberId: IdSchema.optional().describe(
    'Link the account to this party member (their H5 login); the member must be in your scope and not linked yet',
  ),
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  phone: PhoneSchema.nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  roles: z
    .array(z.strictObject({ role: RoleSchema, orgId: IdSchema }))
    .min(1)
    .max(20)
    .optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export const ResetPasswordBodySchema = z.strictObject({
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const ListUsersQuerySchema = PageQuerySchema.extend({
  keyword: z.string().trim().max(100).optional().describe('Matches username or display name'),
  role: RoleSchema.optional(),
  orgId: IdSchema.optional().describe('Users holding a role in this organization or below'),
  status: z.enum(['active', 'disabled']).optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuerySchema>;

export const RevealPhoneResultSchema = z.object({ phone: z.string().nullable() });
