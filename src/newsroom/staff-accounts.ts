/**
 * Staff account management for admins: list, create (a generated password is answered once),
 * change role, name or disabled. A disabled account's sessions end at once, and the newsroom
 * always keeps at least one active admin.
 */
import type { Kysely } from 'kysely';
import type { Clock, Database } from '../platform/index.ts';
import type { FieldError } from './errors.ts';
import { normaliseEmail } from './login.ts';
import { createStaffUser, type StaffRole, StaffRoles, type StaffUser } from './staff-users.ts';

export interface StaffAccount extends StaffUser {
  readonly disabled: boolean;
  readonly createdAt: Date;
}

export type AccountResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: 404 | 422; fields: FieldError[] };

export interface StaffAccounts {
  list(): Promise<StaffAccount[]>;
  create(input: {
    email: string;
    name?: string;
    role: string;
    password?: string;
  }): Promise<AccountResult<{ account: StaffAccount; generatedPassword: string | null }>>;
  update(
    id: number,
    changes: { role?: string; name?: string; disabled?: boolean },
  ): Promise<AccountResult<StaffAccount>>;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createStaffAccounts(deps: { db: Kysely<Database>; clock: Clock }): StaffAccounts {
  const { db, clock } = deps;
  const select = () =>
    db.selectFrom('staff_users').select(['id', 'email', 'name', 'role', 'disabled', 'created_at']);
  const toAccount = (r: {
    id: number;
    email: string;
    name: string;
    role: StaffRole;
    disabled: number;
    created_at: Date | string;
  }): StaffAccount => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    disabled: Boolean(r.disabled),
    createdAt: new Date(r.created_at),
  });

  return {
    async list() {
      return (await select().orderBy('name').orderBy('id').execute()).map(toAccount);
    },

    async create(input) {
      const fields: FieldError[] = [];
      const email = normaliseEmail(input.email);
      if (!emailPattern.test(email) || email.length > 254)
        fields.push({ field: 'email', message: 'must be an email address' });
      if (!(StaffRoles as readonly string[]).includes(input.role)) {
        fields.push({ field: 'role', message: `must be one of ${StaffRoles.join(', ')}` });
      }
      if (input.name !== undefined && input.name.trim().length > 100) {
        fields.push({ field: 'name', message: 'must be at most 100 characters' });
      }
      if (input.password !== undefined && input.password.length < 12) {
        fields.push({ field: 'password', message: 'must be at least 12 characters long' });
      }
      if (fields.length > 0) return { ok: false, status: 422, fields };
      const created = await createStaffUser(db, { ...input, email, at: clock.now() });
      if (!created.ok) {
        return {
          ok: false,
          status: 422,
          fields: [{ field: created.code === 'exists' ? 'email' : 'account', message: created.message }],
        };
      }
      const row = await select().where('id', '=', created.user.id).executeTakeFirstOrThrow();
      return { ok: true, value: { account: toAccount(row), generatedPassword: created.generatedPassword } };
    },

    async update(id, changes) {
      const fields: FieldError[] = [];
      if (changes.role !== undefined && !(StaffRoles as readonly string[]).includes(changes.role)) {
        fields.push({ field: 'role', message: `must be one of ${StaffRoles.join(', ')}` });
      }
      const name = changes.name?.trim();
      if (name !== undefined && (name === '' || name.length > 100)) {
        fields.push({ field: 'name', message: 'must be 1 to 100 characters' });
      }
      if (fields.length > 0) return { ok: false, status: 422, fields };
      return db.transaction().execute(async (trx): Promise<AccountResult<StaffAccount>> => {
        const current = await trx
          .selectFrom('staff_users')
          .select(['role', 'disabled'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!current)
          return {
            ok: false,
            status: 404,
            fields: [{ field: 'id', message: `there is no staff user ${id}` }],
          };
        const role = (changes.role ?? current.role) as StaffRole;
        const disabled = changes.disabled === undefined ? Number(current.disabled) : changes.disabled ? 1 : 0;
        const wasActiveAdmin = current.role === 'admin' && !current.disabled;
        if (wasActiveAdmin && (role !== 'admin' || disabled === 1)) {
          const others = await trx
            .selectFrom('staff_users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('role', '=', 'admin')
            .where('disabled', '=', 0)
            .where('id', '!=', id)
            .executeTakeFirstOrThrow();
          if (Number(others.n) === 0) {
            const field = role !== 'admin' ? 'role' : 'disabled';
            return {
              ok: false,
              status: 422,
              fields: [{ field, message: 'the newsroom needs at least one active admin' }],
            };
          }
        }
        await trx
          .updateTable('staff_users')
          .set({ role, disabled, ...(name !== undefined ? { name } : {}) })
          .where('id', '=', id)
          .execute();
        // A disabled account is signed out everywhere, at once.
        if (disabled === 1) await trx.deleteFrom('staff_sessions').where('user_id', '=', id).execute();
        const row = await trx
          .selectFrom('staff_users')
          .select(['id', 'email', 'name', 'role', 'disabled', 'created_at'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return { ok: true, value: toAccount(row) };
      });
    },
  };
}
