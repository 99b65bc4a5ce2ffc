// Passwords (workflow.md, "Signing in"): scrypt from node:crypto with a salt per user, stored
// self-describing (`$scrypt$N=…,r=…,p=…$salt$hash`) so that stronger parameters later leave
// the stored hashes readable. A password is NFKC-normalized first, so that the same password
// typed with full-width or half-width characters is the same password.
//
// One hash at N=2^17, r=8 takes 128 MiB of memory and a few hundred milliseconds of a core: a
// crowd of sign-ins could exhaust the machine. At most HASHING hashes run at once, QUEUE wait;
// past that the sign-in is refused as busy (503 with Retry-After) rather than queued forever.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ServiceError } from './errors.js';

export const MIN_PASSWORD_LENGTH = 12;
const COST = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const HASHING = 2;
const QUEUE = 16;

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if ([...password.normalize('NFKC')].length < MIN_PASSWORD_LENGTH) {
    return `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください / A password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  return undefined;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return `$scrypt$N=${COST.N},r=${COST.r},p=${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether the password is the one hashed; false for a hash that cannot be read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^\$scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) return false;
  const [, n, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of a verification when there is no user or no password to verify, so
 * that the answer's timing does not tell an unknown login from a wrong password.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummy);
  return false;
}

let running = 0;
const waiting: (() => void)[] = [];

async function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }, length = KEY_LENGTH): Promise<Buffer> {
  if (running >= HASHING) {
    if (waiting.length >= QUEUE) {
      throw new ServiceError('unavailable', '現在サインインが混み合っています。少し待って再度お試しください / Too many sign-ins at once: try again shortly', [], {
        retryAfter: 2,
      });
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
    );
  } finally {
    // The slot passes straight to the next in line, so `running` counts it throughout.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
