// Public face of src/core/catalog: front ends import only from here.
export { type Catalog } from './api';
export { defaultCatalog, loadCatalog } from './catalog';
export { loadStoredSwagger, refreshLiveSwagger, removeStoredSwagger, storedSwaggers, type RefreshResult, type SwaggerStoragePort } from './liveSwagger';
export { SCHEMA_SCHEME, modelFromSchemaRef } from './schemaId';
export { type JsonSchema, type Operation, type ParamInfo, type PermissionRequirement } from './types';
