/** Staff accounts (admins): add a user, change a role. */
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { useSignedIn } from '../session.tsx';
import { useLoad } from '../use-api.ts';
import { errorText } from './not-yet.tsx';

const roles = ['admin', 'editor', 'writer', 'moderator'];

export function UsersPage() {
  const { user: me } = useSignedIn();
  const users = useLoad(() => api.users(), []);
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  if (me.role !== 'admin') {
    return (
      <section className="page">
        <header className="page-header">
          <h1>Users</h1>
        </header>
        <div className="empty-state">Only admins manage staff accounts.</div>
      </section>
    );
  }

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    try {
      const name = String(data.get('name') ?? '').trim();
      const created = await api.createUser({
        email: String(data.get('email')),
        ...(name ? { name } : {}),
        role: String(data.get('role')),
      });
      const password = created.generatedPassword;
      setMessage(
        password
          ? `Added ${data.get('email')}. Their first password (shown once): ${password}`
          : `Added ${data.get('email')}.`,
      );
      setFields({});
      form.reset();
      users.reload();
    } catch (err) {
      const e = err as { fields?: { field: string; message: string }[] };
      setFields(Object.fromEntries((e.fields ?? []).map((f) => [f.field, f.message])));
      setMessage(errorText(err));
    }
  };

  return (
    <section className="page">
      <header className="page-header">
        <h1>Users</h1>
      </header>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {users.data ? (
        <div className="table-wrap">
          <table className="article-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <td className="headline-cell">{u.name}</td>
                  <td data-label="Email">{u.email}</td>
                  <td data-label="Role">
                    <select
                      aria-label={`Role of ${u.name}`}
                      value={u.role}
                      disabled={u.id === me.id}
                      onChange={async (e) => {
                        try {
                          await api.editUser(u.id, { role: e.target.value });
                          setMessage(`${u.name} is now ${e.target.value}.`);
                          users.reload();
                        } catch (err) {
                          setMessage(errorText(err));
                        }
                      }}
                    >
                      {roles.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                  </td>
                  <td data-label="Account">
                    <button
                      type="button"
                      className={u.disabled ? 'button small' : 'button small danger'}
                      disabled={u.id === me.id}
                      onClick={async () => {
                        try {
                          await api.editUser(u.id, { disabled: !u.disabled });
                          setMessage(
                            u.disabled
                              ? `${u.name} can sign in again.`
                              : `${u.name} is disabled; their sessions have ended.`,
                          );
                          users.reload();
                        } catch (err) {
                          setMessage(errorText(err));
                        }
                      }}
                    >
                      {u.disabled ? 'Enable' : 'Disable'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {
        <form className="panel new-user" onSubmit={create}>
          <h2>Add a staff member</h2>
          <div className="row">
            <label className="filter grow">
              <span>Email</span>
              <input name="email" type="email" required />
              {fields.email ? <span className="field-error">{fields.email}</span> : null}
            </label>
            <label className="filter grow">
              <span>Name</span>
              <input name="name" />
            </label>
            <label className="filter">
              <span>Role</span>
              <select name="role" defaultValue="writer">
                {roles.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <button type="submit" className="button primary">
              Add
            </button>
          </div>
        </form>
      }
    </section>
  );
}
