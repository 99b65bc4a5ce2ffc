// `hyoka serve` as a process of its own, for the tests of what only a process shows: signals,
// several instances, a proxy in front. startServe resolves once it listens, with its origin.
import { spawn, type ChildProcess } from 'node:child_process';

/** Resolves with what `read` finds in the text a stream has written so far, once it finds it. */
export function waitFor<T>(child: ChildProcess, stream: 'stdout' | 'stderr', read: (text: string) => T | undefined, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no ${what} within 60 s; ${stream}: ${text}`)), 60_000);
    child[stream]!.on('data', (data: Buffer) => {
      text += data.toString('utf8');
      const found = read(text);
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before ${what}; ${stream}: ${text}`));
    });
  });
}

export interface ServeProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** Everything written to stdout and to stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals>;
  /** SIGTERM unless it has exited; resolves once it has. */
  stop(): Promise<void>;
}

export async function startServe(env: NodeJS.ProcessEnv, ...args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/hyoka.js', 'serve', '--port', '0', ...args], {
    env: { ...process.env, HYOKA_LOG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal!)));
  const origin = await waitFor(child, 'stdout', (text) => /hyoka: (http:\/\/[^\s]+) /.exec(text)?.[1], 'the listening address');
  return {
    child,
    origin,
    port: Number(new URL(origin).port),
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
