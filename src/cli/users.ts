// hyoka user …: the accounts of an organization from the server's console. The console is an
// administrator of every organization (it holds the database anyway); passwords come from
// standard input, never from an argument, and are never printed.
import { CLI, createContext } from '../services/context.js';
import { ServiceError } from '../services/errors.js';
import { addUser, createToken, listUsers, revokeToken, setDisabled, setPassword, type UserView } from '../services/users.js';
import type { Command, OptionValues } from './commands.js';
import type { CliIo } from './run.js';
import { dbOption, orgOption, stringOption, withStore } from './store.js';

const SUBCOMMANDS = ['add', 'list', 'disable', 'enable', 'password', 'token'] as const;

export const userCommand: Command = {
  summary: '利用者の追加・一覧・無効化・パスワード・APIトークン / users of an organization: add, list, disable, enable, password, API token',
  usage:
    'hyoka user add|list|disable|enable|password|token [LOGIN] [--role admin|bureau|division|viewer] [--bureau B] [--division D] [--org CODE|NAME] [--label TEXT] [--revoke ID] [--db PATH]',
  help: [
    'add LOGIN        add a user; --role, --bureau (bureau, division), --division (division); the password from standard input (at least 12 characters; empty: none, for proxy or token sign-in)',
    'list             the organization\'s users',
    'disable LOGIN    sign the user out everywhere; they can no longer sign in',
    'enable LOGIN     let a disabled user sign in again',
    'password LOGIN   a new password from standard input; signs the user out everywhere',
    'token LOGIN      print a new API token for the user (shown once; --label TEXT to name it), or --revoke ID',
    '--org CODE|NAME  the organization (needed when the database holds several)',
    'e.g.  printf "%s" "$PASSWORD" | hyoka user add kikaku --role admin --org 401005',
  ],
  options: { ...dbOption, ...orgOption, role: { type: 'string' }, bureau: { type: 'string' }, division: { type: 'string' }, label: { type: 'string' }, revoke: { type: 'string' } },
  async run(values, [sub, login], io) {
    if (!SUBCOMMANDS.includes(sub as (typeof SUBCOMMANDS)[number]) || (sub !== 'list' && !login)) {
      io.stderr(`サブコマンドとログイン名を指定してください / Name a subcommand and a login\n  ${this.usage}\n`);
      return 1;
    }
    return withStore(values, io.env, async (store) => {
      const ctx = createContext(store, CLI, stringOption(values, 'org'));
      const user = login as string;
      switch (sub) {
        case 'list':
          io.stdout((await listUsers(ctx)).map(userLine).join(''));
          return 0;
        case 'add':
          io.stdout(`追加しました / Added: ${userLine(await addUser(ctx, { login: user, role: stringOption(values, 'role') ?? '', bureau: stringOption(values, 'bureau'), division: stringOption(values, 'division'), password: await optionalPassword(io) }))}`);
          return 0;
        case 'disable':
        case 'enable':
          io.stdout(userLine(await setDisabled(ctx, user, sub === 'disable')));
          return 0;
        case 'password':
          await setPassword(ctx, user, (await optionalPassword(io)) ?? '');
          io.stdout(`パスワードを変更しました / Password changed: ${user}\n`);
          return 0;
        default:
          return tokenCommand(values, user, ctx, io);
      }
    });
  },
};

async function tokenCommand(values: OptionValues, login: string, ctx: ReturnType<typeof createContext>, io: CliIo): Promise<number> {
  const revoke = stringOption(values, 'revoke');
  if (revoke !== undefined) {
    if (!/^\d+$/.test(revoke)) throw new ServiceError('invalid', `--revoke はトークンの番号です / --revoke takes a token number (got "${revoke}")`);
    await revokeToken(ctx, login, Number(revoke));
    io.stdout(`失効させました / Revoked: token ${revoke} of ${login}\n`);
    return 0;
  }
  const { id, token } = await createToken(ctx, login, stringOption(values, 'label') ?? '');
  io.stderr(`トークン ${id}（再表示できません） / Token ${id} (shown once; revoke with --revoke ${id}):\n`);
  io.stdout(`${token}\n`);
  return 0;
}

/** The password on standard input, without its final line break; none when empty. */
async function optionalPassword(io: CliIo): Promise<string | undefined> {
  const text = io.stdin ? (await io.stdin()).replace(/\r?\n$/, '') : '';
  return text === '' ? undefined : text;
}

function userLine(user: UserView): string {
  const scope = [user.bureau, user.division].filter(Boolean).join(' ');
  return `${user.login}\t${user.role}${scope ? `\t${scope}` : ''}${user.disabled ? '\t無効 / disabled' : ''}\n`;
}
