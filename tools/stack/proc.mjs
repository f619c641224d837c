// Process helpers: pidfiles, liveness that treats zombies as dead (processes killed in some sandboxes
// stay <defunct> because nothing reaps them), kill-and-wait by PID, detached spawning, small probes.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname } from 'node:path';

const HAS_PROC = existsSync('/proc/self/stat');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function readPid(file) {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim().split('\n')[0], 10);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function writePid(file, pid) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${pid}\n`);
}

export function removeFile(file) {
  rmSync(file, { force: true });
}

/** Running (not a zombie). Without /proc, falls back to signal 0. */
export function isAlive(pid) {
  if (!pid) return false;
  if (!HAS_PROC) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === 'EPERM';
    }
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Alive and, where /proc tells, running a command that contains `marker` (guards against PID reuse). */
export function isOurs(pid, marker) {
  if (!isAlive(pid)) return false;
  if (!HAS_PROC || !marker) return true;
  return commandLine(pid).includes(marker);
}

/** The PID in `file` if that process still runs `marker`, else undefined. */
export function runningPid(file, marker) {
  const pid = readPid(file);
  return pid && isOurs(pid, marker) ? pid : undefined;
}

/** Sends `signal`, waits for the process to end, escalates to SIGKILL after `timeoutMs`. */
export async function killAndWait(pid, { signal = 'SIGTERM', timeoutMs = 10_000 } = {}) {
  if (!isAlive(pid)) return 'gone';
  try {
    process.kill(pid, signal);
  } catch (error) {
    if (error.code === 'ESRCH') return 'gone';
    throw error;
  }
  if (await waitUntil(() => !isAlive(pid), timeoutMs)) return 'stopped';
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'stopped';
  }
  await waitUntil(() => !isAlive(pid), 5000);
  return 'killed';
}

export async function waitUntil(predicate, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}

/**
 * Starts a process in its own process group (so a terminal's Ctrl-C reaches only the supervisor,
 * which then stops things in order), output appended to `logFile`, not keeping the caller alive.
 */
export function spawnDetached(command, args, { logFile, env, cwd, uid, gid } = {}) {
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  try {
    writeFileSync(fd, `\n--- ${new Date().toISOString()} ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { cwd, env, uid, gid, detached: true, stdio: ['ignore', fd, fd] });
    child.on('error', () => undefined);
    child.unref();
    return child;
  } finally {
    closeSync(fd);
  }
}

/** True if something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** GET with a timeout; never throws: `{ status, body, json }` or `{ error }`. */
export async function httpGet(url, timeoutMs = 3000) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    let json;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    return { status: res.status, body, json };
  } catch (error) {
    const cause = error.cause?.code ?? error.cause?.message ?? error.name ?? 'error';
    return { error: cause === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : String(cause) };
  }
}

/** Last `lines` lines of a log file, for error messages. */
export function tail(file, lines = 20) {
  try {
    const size = statSync(file).size;
    const fd = openSync(file, 'r');
    try {
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}
