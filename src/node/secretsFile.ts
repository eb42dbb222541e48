// SecretsPort for the CLI: one JSON file, mode 0600, in a 0700 directory.
// Location: $CALL_DOCTOR_CONFIG_DIR, else $XDG_CONFIG_HOME/genesys-call-doctor,
// else ~/.config/genesys-call-doctor (%APPDATA%\genesys-call-doctor on Windows).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SecretsPort } from '../core';

export const SECRETS_FILE = 'secrets.json';

export function configDir(env: Record<string, string | undefined> = process.env): string {
  if (env.CALL_DOCTOR_CONFIG_DIR) return path.resolve(env.CALL_DOCTOR_CONFIG_DIR);
  if (env.XDG_CONFIG_HOME) return path.join(env.XDG_CONFIG_HOME, 'genesys-call-doctor');
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'genesys-call-doctor');
  return path.join(env.HOME || os.homedir(), '.config', 'genesys-call-doctor');
}

export class FileSecrets implements SecretsPort {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = path.join(dir, SECRETS_FILE);
  }

  async get(key: string): Promise<string | undefined> {
    const all = this.read();
    return Object.prototype.hasOwnProperty.call(all, key) ? all[key] : undefined;
  }

  async set(key: string, value: string): Promise<void> {
    const all = this.read();
    all[key] = value;
    this.write(all);
  }

  async delete(key: string): Promise<void> {
    const all = this.read();
    if (!Object.prototype.hasOwnProperty.call(all, key)) return;
    delete all[key];
    this.write(all);
  }

  private read(): Record<string, string> {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      }
    } catch { /* fall through */ }
    throw new Error(`${this.file} is not a JSON object; delete it (this signs you out) or fix it.`);
  }

  /** mkdir's mode applies only to directories it creates: an existing 0755 directory is narrowed here. */
  private ensurePrivateDir(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (process.platform === 'win32') return; // POSIX modes do not apply; %APPDATA% is per-user
    if ((fs.statSync(this.dir).mode & 0o777) === 0o700) return;
    try {
      fs.chmodSync(this.dir, 0o700);
    } catch (err) {
      throw new Error(`cannot make ${this.dir} private (mode 0700): ${(err as Error).message}. Use a directory you own (CALL_DOCTOR_CONFIG_DIR).`);
    }
  }

  /** Writes a temp file created with 0600 and renames it over the old one, so the file is never readable by others. */
  private write(all: Record<string, string>): void {
    this.ensurePrivateDir();
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    try {
      fs.chmodSync(tmp, 0o600); // the umask cannot widen 0600, but be explicit on odd filesystems
      fs.renameSync(tmp, this.file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }
}
