// Shared helpers for the sources tests: fixture paths, a FilesPort over the
// real fixture folder (or a map), and range formatting for exact asserts.
import * as fs from 'fs';
import * as path from 'path';
import type { FilesPort } from '../../src/core/ports';
import type { Range } from '../../src/core/types';
import type { Catalog } from '../../src/core/catalog/api';
import type { Operation } from '../../src/core/catalog/types';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/sources');

export function fixture(...parts: string[]): string { return path.join(FIXTURES, ...parts); }
export function readFixture(...parts: string[]): string { return fs.readFileSync(fixture(...parts), 'utf8'); }

/** Reads real files; records every path asked for. */
export function diskFiles(): FilesPort & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async readText(p: string) {
      asked.push(p);
      try { return await fs.promises.readFile(p, 'utf8'); } catch { return undefined; }
    },
  };
}

export function mapFiles(files: Record<string, string>): FilesPort {
  return { async readText(p: string) { return files[p]; } };
}

/** "line:char-line:char" for compact, exact range asserts. */
export function r(range: Range | undefined): string {
  if (!range) return 'undefined';
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function op(id: string, method: Operation['method'], p: string, bodyModel?: string): Operation {
  return { id, method, path: p, group: 'Conversations', params: [], bodyModel, origin: 'test' };
}

/**
 * A tiny stand-in Catalog (test data, not Genesys facts): the on-behalf
 * operation is listed first on purpose, to prove the association order does
 * not depend on catalog order.
 */
export function fakeCatalog(): Catalog {
  const ops = [
    op('postConversationsCallsUserUserId', 'POST', '/api/v2/conversations/calls/user/{userId}', 'CreateCallRequest'),
    op('postConversationsCalls', 'POST', '/api/v2/conversations/calls', 'CreateCallRequest'),
    op('postConversationsCallParticipants', 'POST', '/api/v2/conversations/calls/{conversationId}/participants', 'Conversation'),
  ];
  return {
    manifest: { sdkVersion: 'test', operationCount: ops.length, modelCount: 2, generator: 'test' },
    operations: () => ops,
    byId: (id) => ops.find((o) => o.id === id),
    lookup: (method, url) => {
      const match = ops.find((o) => o.method === method && o.path === url);
      return { match: match && { operation: match, params: {} }, otherMethods: [], suggestions: [] };
    },
    schema: () => undefined,
    modelNames: () => ['CreateCallRequest', 'Conversation'],
    knownPermissions: () => new Set<string>(),
  };
}
