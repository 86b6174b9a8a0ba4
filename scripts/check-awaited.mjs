#!/usr/bin/env node
/**
 * Finds promises that nobody awaits: the mistakes TypeScript's own checks let through once storage calls become
 * async. A write whose failure nobody sees, or `if (isOpen(db))` that is always true because a Promise is truthy.
 *
 *   node scripts/check-awaited.mjs [path/to/tsconfig.json]     (default: ./tsconfig.json)
 *
 * Prints `file:line:col  code  reason` per finding; exits 1 when there are findings, 2 when it cannot run.
 * A line may opt out with a trailing `// not awaited: <reason>` (the reason is required, so the choice is explained).
 *
 * Why the "unstable" API: the project's TypeScript is 7.x (the native compiler), which has no `ts.createProgram`.
 * Its `typescript/unstable/sync` API runs the same checker in a child process; every question is a round trip, so
 * the script asks for the types of all of a file's interesting nodes in one request and caches per type.
 * The version is pinned exactly in package.json, so "unstable" cannot change under us without a deliberate bump.
 */
import fs from 'node:fs';
import path from 'node:path';
import { API, ModifierFlags, SignatureKind, TypeFlags } from 'typescript/unstable/sync';
import { SyntaxKind } from 'typescript/unstable/ast';

const OPT_OUT = /\/\/\s*not awaited:\s*\S/;

// Array (and Map/Set/NodeList) methods that call back synchronously and drop or truth-test what the callback returns.
// `map` is absent on purpose: an array of promises is the normal input to Promise.all.
const CALLBACK_IGNORING = new Set([
  'forEach', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'sort', 'toSorted',
  'reduce', 'reduceRight',
]);

const WRAPPERS = new Set([
  SyntaxKind.ParenthesizedExpression, SyntaxKind.AsExpression, SyntaxKind.SatisfiesExpression,
  SyntaxKind.NonNullExpression, SyntaxKind.TypeAssertionExpression, SyntaxKind.PartiallyEmittedExpression,
]);

// Statements that settle the question by their shape (await and void are deliberate; the rest can never be a
// promise): skipping them saves round trips to the checker.
const NEVER_FLOATING = new Set([
  SyntaxKind.AwaitExpression, SyntaxKind.VoidExpression, SyntaxKind.DeleteExpression, SyntaxKind.TypeOfExpression,
  SyntaxKind.PrefixUnaryExpression, SyntaxKind.PostfixUnaryExpression, SyntaxKind.StringLiteral,
  SyntaxKind.NumericLiteral, SyntaxKind.NoSubstitutionTemplateLiteral,
]);

const EQUALITY = new Set([
  SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken,
  SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken,
]);

const NULLISH = TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void;
// Types that cannot have a callable `then`, so no question needs to go to the checker.
const NEVER_THENABLE = TypeFlags.AnyOrUnknown | TypeFlags.Primitive | TypeFlags.Never;

const unwrap = (node) => (node && WRAPPERS.has(node.kind) ? unwrap(node.expression) : node);
const isAssignment = (kind) => kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
const isNullishLiteral = (node) => {
  const n = unwrap(node);
  return n.kind === SyntaxKind.NullKeyword || (n.kind === SyntaxKind.Identifier && n.text === 'undefined');
};
const isFunctionExpression = (n) => n.kind === SyntaxKind.ArrowFunction || n.kind === SyntaxKind.FunctionExpression;

/** `p.catch(h)`, `p.then(ok, onRejected)`, or either followed by `.finally(f)`: the rejection has a handler. */
function endsInHandler(expr) {
  const call = unwrap(expr);
  if (call.kind !== SyntaxKind.CallExpression) return false;
  const callee = unwrap(call.expression);
  if (callee.kind !== SyntaxKind.PropertyAccessExpression) return false;
  const args = call.arguments;
  switch (callee.name.text) {
    case 'catch': return args.length >= 1 && !isNullishLiteral(args[0]);
    case 'then': return args.length >= 2 && !isNullishLiteral(args[1]);
    // finally passes the earlier outcome through, so it is handled exactly when what it follows is.
    case 'finally': return endsInHandler(callee.expression);
    default: return false;
  }
}

/** Walks one file and lists the nodes whose types decide each rule; no checker calls happen here. */
function collect(sourceFile) {
  const found = { floating: [], conditions: [], callbacks: [], templates: [], comparisons: [] };
  const seenConditions = new Set();

  // A condition's value is only truth-tested; through && || ?? and ! each operand is truth-tested too.
  const condition = (node) => {
    const n = unwrap(node);
    if (!n) return;
    if (n.kind === SyntaxKind.BinaryExpression) {
      const op = n.operatorToken.kind;
      if (op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.BarBarToken || op === SyntaxKind.QuestionQuestionToken) {
        condition(n.left);
        condition(n.right);
        return;
      }
      if (!isAssignment(op) && op !== SyntaxKind.CommaToken) return; // comparisons and arithmetic are never promises
    }
    if (n.kind === SyntaxKind.PrefixUnaryExpression) return; // `!x` is reported through its own operand
    if (seenConditions.has(n)) return;
    seenConditions.add(n);
    found.conditions.push(n);
  };

  const visit = (node) => {
    switch (node.kind) {
      case SyntaxKind.ExpressionStatement: {
        const e = unwrap(node.expression);
        const assignment = e.kind === SyntaxKind.BinaryExpression && isAssignment(e.operatorToken.kind);
        if (!NEVER_FLOATING.has(e.kind) && !assignment && !endsInHandler(e)) found.floating.push(e);
        break;
      }
      case SyntaxKind.IfStatement: case SyntaxKind.WhileStatement: case SyntaxKind.DoStatement:
        condition(node.expression);
        break;
      case SyntaxKind.ForStatement:
        condition(node.condition);
        break;
      case SyntaxKind.ConditionalExpression:
        condition(node.condition);
        break;
      case SyntaxKind.PrefixUnaryExpression:
        if (node.operator === SyntaxKind.ExclamationToken) condition(node.operand);
        break;
      case SyntaxKind.BinaryExpression: {
        const op = node.operatorToken.kind;
        // The left side of && and || is truth-tested wherever the expression stands (`const ok = isOpen() && x`).
        if (op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.BarBarToken) condition(node.left);
        if (EQUALITY.has(op)) found.comparisons.push(node);
        break;
      }
      case SyntaxKind.CallExpression: {
        const callee = unwrap(node.expression);
        const callback = node.arguments[0] && unwrap(node.arguments[0]);
        if (callee.kind === SyntaxKind.PropertyAccessExpression && CALLBACK_IGNORING.has(callee.name.text) && callback) {
          found.callbacks.push({ call: node, method: callee.name, callback });
        }
        break;
      }
      case SyntaxKind.TemplateSpan:
        // A tag function receives the raw values and may well await them; only plain templates stringify.
        if (node.parent.parent.kind !== SyntaxKind.TaggedTemplateExpression) found.templates.push(node.expression);
        break;
    }
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return found;
}

/** Answers "is this a promise?" for types, one checker round trip per distinct type at most. */
function promiseOracle(checker) {
  const cache = new Map();
  const callableThen = (type) => {
    if (type.flags & NEVER_THENABLE) return false;
    const apparent = checker.getApparentType(type);
    const then = apparent && checker.getPropertyOfType(apparent, 'then');
    const thenType = then && checker.getTypeOfSymbol(then);
    return Boolean(thenType && checker.getSignaturesOfType(thenType, SignatureKind.Call).length > 0);
  };
  /**
   * some: a member of the type may be a promise; all: every member is one; allButNullish: it is a promise
   * unless it is null or undefined (`Promise<T> | undefined`).
   */
  const classify = (type) => {
    if (!type) return { some: false, all: false, allButNullish: false };
    let result = cache.get(type.id);
    if (result) return result;
    if (type.flags & TypeFlags.Union) {
      const parts = (type.getTypes() ?? []).map((t) => ({ ...classify(t), nullish: Boolean(t.flags & NULLISH) }));
      const some = parts.some((p) => p.some);
      result = { some, all: parts.every((p) => p.all), allButNullish: some && parts.every((p) => p.all || p.nullish) };
    } else {
      const thenable = callableThen(type);
      result = { some: thenable, all: thenable, allButNullish: thenable };
    }
    cache.set(type.id, result);
    return result;
  };
  const returnsPromise = (type) => {
    if (!type || type.flags & NEVER_THENABLE) return false;
    const signatures = checker.getSignaturesOfType(type, SignatureKind.Call);
    return signatures.length > 0 && signatures.every((s) => classify(checker.getReturnTypeOfSignature(s)).some);
  };
  return { classify, returnsPromise };
}

const isAsyncFunction = (n) => isFunctionExpression(n) && Boolean(n.modifierFlags & ModifierFlags.Async);
const isDefaultLibrary = (declaration) => /(^|[/\\])lib\.[^/\\]*\.d\.ts$/.test(declaration.path);

function checkFile(sourceFile, checker, oracle) {
  const found = collect(sourceFile);
  const problems = [];
  const report = (node, reason) => problems.push({ node, reason });

  const comparisonSides = found.comparisons.flatMap((c) => [c.left, c.right]);
  const typedCallbacks = found.callbacks.filter((c) => !isAsyncFunction(c.callback));
  const nodes = [
    ...found.floating, ...found.conditions, ...found.templates, ...comparisonSides, ...typedCallbacks.map((c) => c.callback),
  ];
  const types = new Map();
  if (nodes.length > 0) checker.getTypeAtLocation(nodes).forEach((t, i) => types.set(nodes[i], t));
  const kind = (node) => oracle.classify(types.get(node));

  for (const e of found.floating) {
    if (kind(e).some) report(e, 'promise is neither awaited nor handled: add await, void, or end the chain in .catch()');
  }
  // A condition is reported only when it is always a promise: `if (pending)` with `Promise | undefined` is a fair
  // question ("is something in flight?"), and React's ReactNode includes a Promise among many other members.
  for (const e of found.conditions) {
    if (kind(e).all) report(e, 'promise used as a condition is always truthy: await it first');
  }
  for (const e of found.templates) {
    if (kind(e).allButNullish) report(e, 'promise inside a template literal prints "[object Promise]": await it first');
  }
  for (const c of found.comparisons) {
    // Only a comparison whose answer is fixed: a value that is always a promise against one that never is
    // (`find(id) === undefined` after find became async). An `any` side could be anything, so it says nothing.
    const fixed = (promise, other) =>
      kind(promise).all && !kind(other).some && !(types.get(other)?.flags & TypeFlags.AnyOrUnknown);
    if (fixed(c.left, c.right) || fixed(c.right, c.left)) {
      report(c, 'compares a promise with a non-promise, so the result never changes: await it first');
    }
  }

  const asyncCallbacks = found.callbacks.filter((c) => isAsyncFunction(c.callback) || oracle.returnsPromise(types.get(c.callback)));
  if (asyncCallbacks.length > 0) {
    const methods = checker.getSymbolAtLocation(asyncCallbacks.map((c) => c.method));
    asyncCallbacks.forEach((c, i) => {
      // A project's own `forEach` may await its callback; only the built-in ones certainly do not.
      if (methods[i]?.declarations.some(isDefaultLibrary)) {
        report(c.callback, `async callback passed to ${c.method.text}(): its promise is ignored or always truthy`);
      }
    });
  }
  return problems.sort((a, b) => a.node.pos - b.node.pos);
}

function lineOf(sourceFile, position) {
  return sourceFile.getLineAndCharacterOfPosition(position).line;
}

function optedOut(sourceFile, node) {
  const starts = sourceFile.getLineStarts();
  const lineText = (line) => sourceFile.text.slice(starts[line], starts[line + 1] ?? sourceFile.text.length);
  const first = lineOf(sourceFile, node.getStart(sourceFile));
  const last = lineOf(sourceFile, node.getEnd());
  return OPT_OUT.test(lineText(first)) || OPT_OUT.test(lineText(last));
}

function main() {
  const started = performance.now();
  const configPath = path.resolve(process.argv[2] ?? 'tsconfig.json');
  if (!fs.existsSync(configPath)) {
    console.error(`check-awaited: no tsconfig at ${configPath} (pass the path of a tsconfig.json)`);
    return 2;
  }
  const root = path.dirname(configPath);
  const api = new API({ cwd: root });
  try {
    const snapshot = api.updateSnapshot({ openProjects: [configPath] });
    const project = snapshot.getProject(configPath);
    if (!project) {
      console.error(`check-awaited: TypeScript could not load the project ${configPath}`);
      return 2;
    }
    const files = project.rootFiles.filter((f) => /\.[cm]?tsx?$/.test(f) && !/\.d\.[cm]?ts$/.test(f) && !f.includes('/node_modules/'));
    const oracle = promiseOracle(project.checker);
    let count = 0;
    for (const file of files) {
      const sourceFile = project.program.getSourceFile(file);
      if (!sourceFile) continue;
      for (const { node, reason } of checkFile(sourceFile, project.checker, oracle)) {
        if (optedOut(sourceFile, node)) continue;
        const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
        const code = node.getText(sourceFile).split('\n')[0].trim().slice(0, 100);
        console.log(`${path.relative(process.cwd(), file)}:${start.line + 1}:${start.character + 1}  ${code}  ${reason}`);
        count += 1;
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`check-awaited: ${count} problem(s) in ${files.length} files (${seconds} s)`);
    return count > 0 ? 1 : 0;
  } finally {
    api.close();
  }
}

process.exitCode = main();
