import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import madge from 'madge';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// No folder of the client or the server imports itself round in a circle (a loop makes load order
// matter and hides which module is the lower one). Type-only imports are left out: they vanish at
// build time. madge reads the server; it cannot read .vue files, so the client's graph is built here
// with the TypeScript parser from every .ts file and every .vue file's <script> blocks.

const REPO = join(import.meta.dirname, '../..');

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

const scriptOf = (path: string): string => {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.vue')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
};

/** The relative specifiers a file imports at run time (type-only imports and exports left out). */
export const runtimeImportsOf = (fileName: string, code: string): string[] => {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      const named = node.importClause?.namedBindings;
      const allTypes = !node.importClause?.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!allTypes && ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) specifiers.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.filter((specifier) => specifier.startsWith('.'));
};

const resolveFrom = (from: string, specifier: string): string | null => {
  const base = join(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this candidate
    }
  }
  return null;
};

/** Every cycle of a graph, each as the files round it (Tarjan's strongly connected components). */
export const cyclesOf = (graph: ReadonlyMap<string, readonly string[]>): string[][] => {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return cycles;
};

const clientGraph = (): Map<string, string[]> => {
  const graph = new Map<string, string[]>();
  for (const file of sourcesUnder(join(REPO, 'client'))) {
    const targets = runtimeImportsOf(file, scriptOf(file)).flatMap((specifier) => resolveFrom(file, specifier) ?? []);
    graph.set(relative(REPO, file), targets.map((target) => relative(REPO, target)));
  }
  return graph;
};

describe('import cycles', () => {
  it('finds a cycle when there is one, and none in a chain', () => {
    const chain = new Map([['a', ['b']], ['b', ['c']], ['c', []]]);
    expect(cyclesOf(chain)).toEqual([]);
    expect(cyclesOf(new Map([...chain, ['c', ['a']]])).map((cycle) => cycle.sort())).toEqual([['a', 'b', 'c']]);
    expect(runtimeImportsOf('x.ts', "import type { A } from './a';\nimport { type B } from './b';\nimport { c } from './c';")).toEqual(['./c']);
  });

  it('there are none inside client/, .vue components included', () => {
    const graph = clientGraph();
    expect(graph.get('client/screens/wall/WallScreen.vue')).toContain('client/screens/wall/useWallSession.ts');
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('there are none inside server/ (madge)', async () => {
    const result = await madge(join(REPO, 'server'), {
      fileExtensions: ['ts'],
      tsConfig: join(REPO, 'server/tsconfig.json'),
      detectiveOptions: { ts: { skipTypeImports: true } },
    });
    expect(result.circular()).toEqual([]);
  }, 60_000);
});
