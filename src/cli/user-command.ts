import { createStaffUser } from '../newsroom/index.ts';
import { systemClock } from '../platform/index.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';

export async function userCommand(values: CliValues, io: CliIo): Promise<number> {
  if (!values.email || !values.role) {
    io.err('dateline: `user create` needs --email E and --role R.');
    return 2;
  }
  const { database } = await openFromCli(values);
  try {
    const result = await createStaffUser(database.db, {
      email: values.email,
      role: values.role,
      name: values.name,
      password: values.password,
      at: systemClock.now(),
    });
    if (!result.ok) {
      io.err(`dateline: ${result.message}`);
      return 1;
    }
    io.out(`Created ${result.user.role} ${result.user.email}.`);
    if (result.generatedPassword) io.out(`Password: ${result.generatedPassword}`);
    return 0;
  } finally {
    await database.close();
  }
}
