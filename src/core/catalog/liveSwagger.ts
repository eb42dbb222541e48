// The live Swagger document of an environment (GET <api>/api/v2/docs/swagger),
// kept in a local store so the catalog can overlay its scopes and permissions
// (provenance "swagger:<environment>"). Decides when to download (age, force),
// revalidates with If-None-Match / If-Modified-Since (304 keeps the stored
// copy), validates before storing, and only ever sends a GET. The bearer token,
// when given, goes to the environment's own hosts only (http/guard).
//
// Store layout (names relative to the store): `live-swagger.json` lists every
// environment's metadata; `swagger-<key>.json` holds one document exactly as
// received.
import { createHash } from 'crypto';
import type { Environment } from '../env/environment';
import { ReadOnlyHttp, withBearer } from '../http/guard';
import type { Clock, HttpPort, HttpRequest } from '../ports';
import { indexSwagger, SwaggerError, type SwaggerIndex } from './swagger';

/**
 * Where downloads are kept (VS Code: global storage; tests: memory). Reading is
 * synchronous because the catalog itself is built synchronously on first use.
 */
export interface SwaggerStoragePort {
  readText(name: string): string | undefined;
  writeText(name: string, text: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export interface StoredSwaggerMeta {
  environment: string;
  url: string;
  /** File name of the document in the store. */
  file: string;
  etag?: string;
  lastModified?: string;
  /** When the stored copy was downloaded (ms since epoch). */
  downloadedAt: number;
  /** When the server last confirmed it (200 or 304). The age check counts from here. */
  checkedAt: number;
  bytes: number;
  title?: string;
  version?: string;
  operationCount: number;
}

interface Manifest { format: 1; environments: Record<string, StoredSwaggerMeta> }

export const MANIFEST_FILE = 'live-swagger.json';

export type RefreshStatus = 'downloaded' | 'not-modified' | 'fresh';

export interface RefreshResult {
  status: RefreshStatus;
  meta: StoredSwaggerMeta;
}

export interface RefreshOptions {
  env: Environment;
  http: HttpPort;
  clock: Clock;
  storage: SwaggerStoragePort;
  /** A stored copy younger than this is used without asking the server (unless `force`). */
  maxAgeMs: number;
  force?: boolean;
  /** The session's token for this environment; sent to its own hosts only. */
  accessToken?: string;
  signal?: AbortSignal;
}

export class LiveSwaggerError extends Error {
  override name = 'LiveSwaggerError';
}

export function swaggerUrl(env: Environment): string {
  return `${env.apiBaseUrl.replace(/\/+$/, '')}/api/v2/docs/swagger`;
}

/** A file-name-safe key per environment (readable prefix + hash, so distinct names never collide). */
export function storageKey(envName: string): string {
  const readable = envName.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 60);
  return `${readable}-${createHash('sha256').update(envName).digest('hex').slice(0, 8)}`;
}

function readManifest(storage: SwaggerStoragePort): Manifest {
  const text = storage.readText(MANIFEST_FILE);
  if (!text) return { format: 1, environments: {} };
  try {
    const m = JSON.parse(text) as Manifest;
    if (m && m.format === 1 && m.environments && typeof m.environments === 'object') return m;
  } catch { /* a damaged manifest is treated as empty: the next refresh rewrites it */ }
  return { format: 1, environments: {} };
}

async function writeMeta(storage: SwaggerStoragePort, meta: StoredSwaggerMeta): Promise<void> {
  const m = readManifest(storage);
  m.environments[meta.environment] = meta;
  await storage.writeText(MANIFEST_FILE, JSON.stringify(m, null, 2));
}

/** Metadata of every stored document, newest check first. */
export function storedSwaggers(storage: SwaggerStoragePort): StoredSwaggerMeta[] {
  return Object.values(readManifest(storage).environments).sort((a, b) => b.checkedAt - a.checkedAt);
}

/** Age of the stored copy in ms, or undefined when there is none. */
export function storedAge(storage: SwaggerStoragePort, envName: string, now: number): number | undefined {
  const meta = readManifest(storage).environments[envName];
  return meta && storage.readText(meta.file) !== undefined ? now - meta.checkedAt : undefined;
}

/** The stored document of `envName`, indexed (origin = the environment's name); undefined when none or unreadable. */
export function loadStoredSwagger(storage: SwaggerStoragePort, envName: string): { index: SwaggerIndex; meta: StoredSwaggerMeta } | undefined {
  const meta = readManifest(storage).environments[envName];
  const text = meta && storage.readText(meta.file);
  if (!meta || !text) return undefined;
  try {
    return { index: indexSwagger(text, meta.environment), meta };
  } catch {
    return undefined; // damaged on disk: as if absent; a refresh replaces it
  }
}

/** Forgets the stored document of `envName` (or of every environment). Returns the names removed. */
export async function removeStoredSwagger(storage: SwaggerStoragePort, envName?: string): Promise<string[]> {
  const m = readManifest(storage);
  const names = envName ? [envName].filter((n) => m.environments[n]) : Object.keys(m.environments);
  for (const n of names) {
    await storage.delete(m.environments[n].file);
    delete m.environments[n];
  }
  if (names.length) await storage.writeText(MANIFEST_FILE, JSON.stringify(m, null, 2));
  return names;
}

function statusError(status: number, url: string, body: string): LiveSwaggerError {
  const hint = status === 401 ? ' The token was refused: sign in again.'
    : status === 403 ? ' The environment refused access to its API documentation.'
      : status === 404 ? ' This server does not serve a Swagger document at that path.'
        : status >= 300 && status < 400 ? ' Redirects are not followed (the token must not leave the environment).' : '';
  const excerpt = body.trim().slice(0, 160).replace(/\s+/g, ' ');
  return new LiveSwaggerError(`GET ${url} answered ${status}.${hint}${excerpt ? ` Body: ${excerpt}` : ''}`);
}

/**
 * Brings the stored copy of the environment's Swagger up to date: skips the
 * network while it is younger than `maxAgeMs` (unless forced), else asks the
 * server, revalidating the stored copy when there is one. Stores only a document
 * that indexes as Swagger 2.0; a failure leaves the stored copy untouched.
 */
export async function refreshLiveSwagger(o: RefreshOptions): Promise<RefreshResult> {
  const name = o.env.name;
  const now = o.clock.now();
  const previous = readManifest(o.storage).environments[name];
  const hasCopy = previous !== undefined && o.storage.readText(previous.file) !== undefined;
  if (hasCopy && !o.force && now - previous.checkedAt < o.maxAgeMs) return { status: 'fresh', meta: previous };

  const url = swaggerUrl(o.env);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (hasCopy && previous.etag) headers['If-None-Match'] = previous.etag;
  if (hasCopy && previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  let req: HttpRequest = { method: 'GET', url, headers, signal: o.signal };
  if (o.accessToken) req = withBearer(req, o.accessToken, [o.env.apiBaseUrl, o.env.loginBaseUrl]);
  let res;
  try {
    res = await new ReadOnlyHttp(o.http).send(req);
  } catch (err) {
    if (o.signal?.aborted) throw err; // cancelled: the caller's own reason
    throw new LiveSwaggerError(`GET ${url} failed: ${err instanceof Error ? err.message : String(err)}. Is the environment reachable?`);
  }

  if (res.status === 304) {
    if (!hasCopy) throw new LiveSwaggerError(`GET ${url} answered 304 Not Modified although no copy was asked to be revalidated.`);
    const meta: StoredSwaggerMeta = { ...previous, checkedAt: o.clock.now(), etag: res.headers.etag ?? previous.etag };
    await writeMeta(o.storage, meta);
    return { status: 'not-modified', meta };
  }
  if (res.status !== 200) throw statusError(res.status, url, res.body);

  let index: SwaggerIndex;
  try {
    index = indexSwagger(res.body, name);
  } catch (err) {
    if (err instanceof SwaggerError) throw new LiveSwaggerError(`GET ${url} did not return a usable document: ${err.message}`);
    throw err;
  }
  const file = `swagger-${storageKey(name)}.json`;
  await o.storage.writeText(file, res.body);
  const at = o.clock.now();
  const meta: StoredSwaggerMeta = {
    environment: name, url, file, etag: res.headers.etag, lastModified: res.headers['last-modified'],
    downloadedAt: at, checkedAt: at, bytes: Buffer.byteLength(res.body), title: index.title, version: index.version,
    operationCount: index.operations.length,
  };
  await writeMeta(o.storage, meta);
  return { status: 'downloaded', meta };
}
