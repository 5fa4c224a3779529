import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/index.ts';

export const StaffRoles = ['admin', 'editor', 'writer', 'moderator'] as const;
export type StaffRole = (typeof StaffRoles)[number];

export interface StaffUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
}

export interface CreateStaffUserInput {
  readonly email: string;
  readonly role: string;
  readonly name?: string;
  /** When absent, a strong password is generated and returned once. */
  readonly password?: string;
  readonly at: Date;
}

export type CreateStaffUserResult =
  | { ok: true; user: StaffUser; generatedPassword: string | null }
  | { ok: false; code: 'invalid' | 'exists'; message: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a newsroom account with an argon2id password hash. */
export async function createStaffUser(
  db: Kysely<Database>,
  input: CreateStaffUserInput,
): Promise<CreateStaffUserResult> {
  const email = input.email.trim().toLowerCase();
  if (!emailPattern.test(email) || email.length > 254) {
    return { ok: false, code: 'invalid', message: `"${input.email}" is not an email address.` };
  }
  if (!(StaffRoles as readonly string[]).includes(input.role)) {
    return {
      ok: false,
      code: 'invalid',
      message: `role must be one of ${StaffRoles.join(', ')} (got "${input.role}").`,
    };
  }
  if (input.password !== undefined && input.password.length < 12) {
    return { ok: false, code: 'invalid', message: 'the password must be at least 12 characters long.' };
  }
  const existing = await db
    .selectFrom('staff_users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing) return { ok: false, code: 'exists', message: `a staff account for ${email} already exists.` };

  const generatedPassword = input.password === undefined ? randomBytes(18).toString('base64url') : null;
  const passwordHash = await hash(input.password ?? generatedPassword!, { algorithm: 2 });
  const role = input.role as StaffRole;
  const name = input.name?.trim() || email.split('@')[0]!;
  const { id } = await db
    .insertInto('staff_users')
    .values({ email, name, role, password_hash: passwordHash, created_at: input.at.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ok: true, user: { id, email, name, role }, generatedPassword };
}
