import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface VersionInfo {
  version: string;
  major: number;
  minor: number;
  build: number;
  buildDate: string;
}

/**
 * The platform version: `major.minor` from package.json and the build number from BUILD_NUMBER
 * (set by CI or the image build), so `1.1.123` reads as build 123 of 1.1. Read once.
 */
export function readVersion(): VersionInfo {
  return (cached ??= versionFrom(process.env));
}

let cached: VersionInfo | undefined;

function versionFrom(env: NodeJS.ProcessEnv): VersionInfo {
  const [major, minor] = packageVersion().split('.').map(Number);
  const build = Number(env['BUILD_NUMBER'] ?? 0) || 0;
  return {
    version: `${major}.${minor}.${build}`,
    major,
    minor,
    build,
    buildDate: env['BUILD_DATE'] ?? STARTED_AT,
  };
}

const STARTED_AT = new Date().toISOString();

/** Apps run from the workspace root or the image's /app, both of which hold package.json. */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
