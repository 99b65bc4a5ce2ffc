// Child processes for benchmarks: servers that announce themselves, tools that print JSON.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export const TSX = ['--import', 'tsx'];

/** Starts a server process (in `cwd`, default this one's) and resolves once a line of its stdout matches `ready`. */
export async function startServer(args: string[], ready: RegExp, cwd?: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], ...(cwd !== undefined && { cwd }) });
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${args.join(' ')}\n${seen}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (ready.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${seen}`)));
  });
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** Runs a node script to completion (in `cwd`), its output discarded; fails on a non-zero exit. */
export async function runToEnd(args: string[], cwd?: string): Promise<void> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], ...(cwd !== undefined && { cwd }) });
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
}

/** Runs a node script to completion and parses the JSON it prints last. */
export async function runJson<T>(args: string[]): Promise<T> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
  const last = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
}
