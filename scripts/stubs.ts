import type { FunctionSpec } from '../src/functions/define';
import { helpOf } from '../src/functions/help';
import { registry } from '../src/functions/registry';

/** JSDoc text may not close the comment. */
const doc = (s: string) => s.replace(/\*\//g, '*\\/');

/**
 * The top-level declaration Sheets finds a custom function by, with the help its autocomplete shows:
 * the only place the help is in dist/Code.js (src/functions/help.ts is read here, at build time).
 */
export function customFunctionStub(spec: FunctionSpec, globalName: string): string {
  const help = helpOf(spec);
  const names = spec.params.map((p) => p.name);
  const lines = [
    '/**',
    ` * ${doc(spec.summary.en)}`,
    ' *',
    ...spec.params.map((p, i) => {
      const h = help.paramList[i]!;
      return ` * @param {${h.type}} ${p.name} ${doc(p.optional ? `Optional. ${h.en}` : h.en)}`;
    }),
    ` * @return {${help.returnType}} ${doc(help.returns.en)}`,
    ' * @customfunction',
    ' */',
    `function ${spec.name}(${names.join(', ')}) {`,
    `  return ${globalName}.run('${spec.name}', [${names.join(', ')}]);`,
    '}',
  ];
  return lines.join('\n');
}

export function customFunctionStubs(globalName: string): string {
  return registry.map((spec) => customFunctionStub(spec, globalName)).join('\n\n');
}

type Group = Record<string, (...args: never[]) => unknown>;

/** Triggers, menu handlers and google.script.run endpoints: a top-level function each. */
export function entryStubs(
  globalName: string,
  main: { triggers: Group; menu: Group; endpoints: Group },
): string {
  const out: string[] = [];
  for (const group of ['triggers', 'menu', 'endpoints'] as const) {
    for (const [name, fn] of Object.entries(main[group])) {
      const params =
        fn.length === 0 ? '' : fn.length === 1 ? (group === 'triggers' ? 'e' : 'payload') : 'a, b';
      // the add-on beyond the custom functions loads on first use (scripts/build.ts)
      out.push(
        `function ${name}(${params}) {\n  return ${globalName}.main().${group}.${name}(${params});\n}`,
      );
    }
  }
  return `\n${out.join('\n\n')}\n`;
}
