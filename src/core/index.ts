// Public face of src/core's root modules (ports, shared types, text documents,
// the data source). Each area has its own face: src/core/<area>/index.ts.
// Front ends import the core only through these files.
export { dataPort, hasDataPort, installDataPort, type DataPort } from './data';
