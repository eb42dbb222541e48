// Reads the SDK's generated src/.../api/*Api.js files with the TypeScript
// compiler API (as JavaScript) and extracts one record per class method that
// calls this.apiClient.callApi(path, method, pathParams, queryParams, headerParams,
// formParams, body, ...). The call site is the ground truth for path, method and
// wire parameter names; the JSDoc adds summary, description, types and @deprecated.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const CALL_API_ARGS = { path: 0, method: 1, pathParams: 2, queryParams: 3, headerParams: 4, formParams: 5, body: 6 };

function parseApiFile(file) {
  const text = fs.readFileSync(file, 'utf8');
  // No parent pointers (twice as fast): everything below passes `sf` to getText.
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const ops = [];
  for (const stmt of sf.statements) {
    if (!ts.isClassDeclaration(stmt) || !stmt.name) continue;
    const className = stmt.name.text;
    for (const member of stmt.members) {
      if (!ts.isMethodDeclaration(member) || !member.body) continue;
      const call = findCallApi(member.body);
      if (!call) continue;
      ops.push(operationFrom(className, member, call, path.basename(file), sf));
    }
  }
  return ops;
}

/** Public method names of every class in a JS file (no leading underscore, no constructor). */
function classMethodNames(file) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const result = {};
  for (const stmt of sf.statements) {
    if (!ts.isClassDeclaration(stmt) || !stmt.name) continue;
    result[stmt.name.text] = stmt.members
      .filter((m) => ts.isMethodDeclaration(m) && m.name && ts.isIdentifier(m.name) && !m.name.text.startsWith('_'))
      .map((m) => m.name.text);
  }
  return result;
}

function findCallApi(node) {
  let found;
  const visit = (n) => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'callApi') {
      const target = n.expression.expression;
      if (ts.isPropertyAccessExpression(target) && target.name.text === 'apiClient' && target.expression.kind === ts.SyntaxKind.ThisKeyword) {
        found = n;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function stringArg(call, index, what, opId) {
  const arg = call.arguments[index];
  if (!arg || !ts.isStringLiteralLike(arg)) throw new Error(`${opId}: callApi argument ${index} (${what}) is not a string literal`);
  return arg.text;
}

/** Entries of an object-literal argument: wire name -> { jsName, collectionFormat }. */
function paramEntries(call, index, sf) {
  const arg = call.arguments[index];
  if (!arg || !ts.isObjectLiteralExpression(arg)) return [];
  const out = [];
  for (const prop of arg.properties) {
    if (!ts.isPropertyAssignment(prop)) continue;
    const wire = ts.isStringLiteralLike(prop.name) || ts.isIdentifier(prop.name) ? prop.name.text : prop.name.getText(sf);
    out.push({ wire, ...valueSource(prop.initializer) });
  }
  return out;
}

/** `x` (positional, required), `opts['x']` (optional), or buildCollectionParam(<one of those>, 'multi'). */
function valueSource(expr) {
  if (ts.isIdentifier(expr)) return { jsName: expr.text, positional: true };
  if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
    return { jsName: expr.argumentExpression.text, positional: false };
  }
  if (ts.isCallExpression(expr) && expr.arguments.length >= 1) {
    const inner = valueSource(expr.arguments[0]);
    const fmt = expr.arguments[1];
    return { ...inner, collectionFormat: fmt && ts.isStringLiteralLike(fmt) ? fmt.text : undefined };
  }
  return { jsName: undefined, positional: false };
}

/** The method's JSDoc, read from `member.jsDoc` (the parser attaches it in JS files). */
function jsDocOf(member, sf) {
  const docs = member.jsDoc || [];
  const doc = docs[docs.length - 1];
  const comment = doc ? ts.getTextOfJSDocComment(doc.comment) || '' : '';
  const lines = comment.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const params = {};
  let deprecated = false;
  const addParam = (tag) => {
    const name = ts.isQualifiedName(tag.name) ? tag.name.right.text : tag.name.text;
    const type = tag.typeExpression?.type;
    // `@param {Object} opts` followed by `@param ... opts.x`: the parser nests the
    // opts.* tags as properties of a JSDoc type literal on the opts tag.
    const nested = type && ts.isJSDocTypeLiteral(type);
    params[name] = {
      jsDocType: type && !nested ? type.getText(sf) : undefined,
      description: (ts.getTextOfJSDocComment(tag.comment) || '').replace(/^[\s-]+/, '').trim() || undefined,
    };
    if (nested) for (const inner of type.jsDocPropertyTags || []) addParam(inner);
  };
  for (const tag of doc?.tags || []) {
    if (tag.tagName.text === 'deprecated') deprecated = true;
    if (ts.isJSDocParameterTag(tag)) addParam(tag);
  }
  return { summary: lines[0], description: lines.slice(1).join(' ') || undefined, deprecated, params };
}

function operationFrom(className, member, call, fileName, sf) {
  const id = member.name.getText(sf);
  const doc = jsDocOf(member, sf);
  const positional = member.parameters.map((p) => p.name.getText(sf)).filter((n) => n !== 'opts');
  const toParam = (where) => (e) => ({
    name: e.wire,
    in: where,
    jsName: e.jsName,
    required: where === 'path' || (e.positional && positional.includes(e.jsName)),
    collectionFormat: e.collectionFormat,
    jsDocType: e.jsName ? doc.params[e.jsName]?.jsDocType : undefined,
    description: e.jsName ? doc.params[e.jsName]?.description : undefined,
  });
  const bodyArg = call.arguments[CALL_API_ARGS.body];
  const bodyJsName = bodyArg && ts.isIdentifier(bodyArg) ? bodyArg.text : undefined;
  return {
    id,
    className,
    file: fileName,
    method: stringArg(call, CALL_API_ARGS.method, 'method', id).toUpperCase(),
    path: stringArg(call, CALL_API_ARGS.path, 'path', id),
    summary: doc.summary,
    description: doc.description,
    deprecated: doc.deprecated,
    pathParams: paramEntries(call, CALL_API_ARGS.pathParams, sf).map(toParam('path')),
    queryParams: paramEntries(call, CALL_API_ARGS.queryParams, sf).map(toParam('query')),
    headerParams: paramEntries(call, CALL_API_ARGS.headerParams, sf).map((e) => e.wire),
    formParams: paramEntries(call, CALL_API_ARGS.formParams, sf).map((e) => e.wire),
    body: bodyJsName
      ? { jsName: bodyJsName, required: positional.includes(bodyJsName), description: doc.params[bodyJsName]?.description }
      : undefined,
  };
}

module.exports = { parseApiFile, classMethodNames };
