// Joins the callApi call sites (parseApiJs) with the index.d.ts signatures
// (parseDts) into catalog Operation records (src/core/catalog/types.ts).
// The same operation is generated into several API classes (e.g. getUsersSearch
// in UsersApi and SearchApi); it becomes one record listing all its groups.
'use strict';

function groupOf(className) { return className.replace(/Api$/, ''); }

/** Prefer the group named like the path's first segment (/api/v2/users/... -> Users). */
function primaryGroup(groups, path) {
  const first = (path.split('/')[3] || '').toLowerCase();
  return groups.find((g) => g.toLowerCase() === first) || groups[0];
}

/** JSDoc type ("String", "Array.<String>") in the d.ts spelling, for the rare parameter index.d.ts does not type. */
function fromJsDocType(t) {
  if (!t) return undefined;
  const arr = /^Array\.<(.+)>$/.exec(t);
  if (arr) return `Array<${fromJsDocType(arr[1])}>`;
  return { String: 'string', Number: 'number', Boolean: 'boolean', Object: 'object', Date: 'Date' }[t] || t;
}

function paramInfo(p, sig, opts) {
  const declared = p.in === 'path' || p.required ? sig?.params?.[p.jsName]?.type : opts?.[p.jsName];
  const type = declared || fromJsDocType(p.jsDocType);
  const info = { name: p.name, in: p.in, required: p.required };
  if (type) info.type = type;
  if (p.collectionFormat) info.collectionFormat = p.collectionFormat;
  if (p.description) info.description = p.description;
  return info;
}

function buildOperations(sites, dts) {
  const byId = new Map();
  for (const s of sites) {
    const list = byId.get(s.id) || [];
    list.push(s);
    byId.set(s.id, list);
  }
  const operations = [];
  for (const [id, list] of byId) {
    const s = list[0];
    for (const other of list) {
      if (other.method !== s.method || other.path !== s.path) {
        throw new Error(`${id} is generated with different routes: ${s.method} ${s.path} vs ${other.method} ${other.path}`);
      }
    }
    const groups = [...new Set(list.map((x) => groupOf(x.className)))].sort();
    const sig = dts.apiClasses[s.className]?.[id];
    if (!sig) throw new Error(`${s.className}.${id} is in the JS sources but not in index.d.ts`);
    const opts = dts.options[s.className]?.[`${id}Options`];
    const op = {
      id,
      method: s.method,
      path: s.path,
      group: primaryGroup(groups, s.path),
      summary: s.summary,
      deprecated: s.deprecated || undefined,
      params: [...s.pathParams, ...s.queryParams].map((p) => paramInfo(p, sig, opts)),
      origin: 'sdk',
    };
    if (groups.length > 1) op.groups = groups;
    if (s.description) op.description = s.description;
    if (s.body) {
      const b = sig.params[s.body.jsName];
      op.bodyRequired = s.body.required;
      if (b?.type) op.bodyType = b.type;
      if (b?.model) op.bodyModel = b.model;
      if (b?.itemModel) op.bodyItemModel = b.itemModel;
      if (s.body.description) op.bodyDescription = s.body.description;
    }
    if (sig.returnType && sig.returnType !== 'void') op.returnType = sig.returnType;
    if (sig.returnModel) op.returnModel = sig.returnModel;
    operations.push(op);
  }
  return operations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

module.exports = { buildOperations };
