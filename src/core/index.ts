// Public face of src/core's root modules (ports, shared types, text documents,
// the data source). Each area has its own face: src/core/<area>/index.ts.
// Front ends import the core only through these files.
export { dataPort, hasDataPort, installDataPort, type DataPort } from './data';
export { type FileLintResult } from './lintTypes';
export { silentLog, systemClock, type Clock, type FilesPort, type HttpPort, type HttpRequest, type HttpResponse, type LogPort, type PromptPort, type SecretsPort } from './ports';
export { createDocument, documentKindOf, type TextDocument } from './text';
export { type Finding, type Range, type Severity, type SourceRef, type TextEdit } from './types';
