// Reads the SDK's index.d.ts with the TypeScript compiler API:
//  - each `declare class <X>Api` method: parameter types, body type, return type;
//  - each `declare namespace <X>Api` `<op>Options` interface: optional parameter types;
//  - `declare namespace Models` interfaces: the model properties (kept as type nodes);
//  - `declare class ApiClientClass`: its public members (for "no such SDK method").
'use strict';
const fs = require('fs');
const ts = require('typescript');

function parseDts(file) {
  const text = fs.readFileSync(file, 'utf8');
  // No parent pointers (twice as fast): type text is taken with getText(sf).
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const apiClasses = {};   // class name -> method name -> { params: {name: {type, optional}}, returnType }
  const options = {};      // class name -> '<op>Options' -> { prop: type }
  const models = {};       // model name -> [{ name, optional, typeNode }]
  const classMembers = {}; // any declared class -> { methods: [], properties: [] }
  for (const stmt of sf.statements) {
    if (ts.isClassDeclaration(stmt) && stmt.name) {
      const name = stmt.name.text;
      classMembers[name] = membersOf(stmt);
      if (/Api$/.test(name)) apiClasses[name] = apiMethods(stmt, sf);
    } else if (ts.isModuleDeclaration(stmt) && stmt.body && ts.isModuleBlock(stmt.body)) {
      const name = stmt.name.text;
      if (name === 'Models') Object.assign(models, modelInterfaces(stmt.body, sf));
      else if (/Api$/.test(name)) options[name] = optionInterfaces(stmt.body, sf);
    }
  }
  return { apiClasses, options, models, classMembers };
}

/** Type text without the `Models.` qualifier, e.g. "Array<Destination>". */
function typeText(node, sf) {
  return node ? node.getText(sf).replace(/\bModels\./g, '').replace(/\s+/g, ' ') : undefined;
}

/** The model a type names directly: `Models.X` -> X (else undefined). */
function entityName(n) {
  return ts.isIdentifier(n) ? n.text : `${entityName(n.left)}.${n.right.text}`;
}

function modelOf(node) {
  if (node && ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && entityName(node.typeName.left) === 'Models') {
    return node.typeName.right.text;
  }
  return undefined;
}

/** `Array<T>` / `T[]` -> T node, else undefined. */
function arrayItem(node) {
  if (!node) return undefined;
  if (ts.isArrayTypeNode(node)) return node.elementType;
  if (ts.isTypeReferenceNode(node) && entityName(node.typeName) === 'Array' && node.typeArguments?.length === 1) return node.typeArguments[0];
  return undefined;
}

function promiseInner(node) {
  if (node && ts.isTypeReferenceNode(node) && entityName(node.typeName) === 'Promise' && node.typeArguments?.length === 1) {
    return node.typeArguments[0];
  }
  return node;
}

function propName(name) {
  if (ts.isStringLiteral(name) || ts.isIdentifier(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  throw new Error(`unsupported member name kind ${ts.SyntaxKind[name.kind]} in index.d.ts`);
}

function membersOf(cls) {
  const methods = [];
  const properties = [];
  for (const m of cls.members) {
    if (!m.name) continue;
    const isPrivate = (m.modifiers || []).some((k) => k.kind === ts.SyntaxKind.PrivateKeyword);
    if (isPrivate) continue;
    if (ts.isMethodDeclaration(m)) methods.push(propName(m.name));
    else if (ts.isPropertyDeclaration(m)) properties.push(propName(m.name));
  }
  return { methods, properties };
}

function apiMethods(cls, sf) {
  const out = {};
  for (const m of cls.members) {
    if (!ts.isMethodDeclaration(m) || !m.name) continue;
    const params = {};
    for (const p of m.parameters) {
      const name = p.name.getText(sf);
      params[name] = { type: typeText(p.type, sf), model: modelOf(p.type), itemModel: modelOf(arrayItem(p.type)), optional: !!p.questionToken };
    }
    const ret = promiseInner(m.type);
    out[propName(m.name)] = {
      params,
      returnType: typeText(ret, sf),
      returnModel: modelOf(ret) || modelOf(arrayItem(ret)),
    };
  }
  return out;
}

function optionInterfaces(block, sf) {
  const out = {};
  for (const st of block.statements) {
    if (!ts.isInterfaceDeclaration(st)) continue;
    const props = {};
    for (const m of st.members) {
      if (ts.isPropertySignature(m) && m.name) props[propName(m.name)] = typeText(m.type, sf);
    }
    out[st.name.text] = props;
  }
  return out;
}

function modelInterfaces(block, sf) {
  const out = {};
  for (const st of block.statements) {
    if (!ts.isInterfaceDeclaration(st)) continue;
    out[st.name.text] = st.members
      .filter((m) => ts.isPropertySignature(m) && m.name)
      .map((m) => ({ name: propName(m.name), optional: !!m.questionToken, typeNode: m.type, sf }));
  }
  return out;
}

module.exports = { parseDts, modelOf, arrayItem, entityName };
