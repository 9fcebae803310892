import type { FunctionSpec } from '../src/functions/define';
import { registry } from '../src/functions/registry';

/** JSDoc text may not close the comment. */
const doc = (s: string) => s.replace(/\*\//g, '*\\/');

/** The top-level declaration Sheets finds a custom function by, with the help its autocomplete shows. */
export function customFunctionStub(spec: FunctionSpec, globalName: string): string {
  const names = spec.params.map((p) => p.name);
  const lines = [
    '/**',
    ` * ${doc(spec.summary.en)}`,
    ' *',
    ...spec.params.map(
      (p) => ` * @param {${p.type}} ${p.name} ${doc(p.optional ? `Optional. ${p.help.en}` : p.help.en)}`,
    ),
    ` * @return {${spec.returnType}} ${doc(spec.returns.en)}`,
    ' * @customfunction',
    ' */',
    `function ${spec.name}(${names.join(', ')}) {`,
    `  return ${globalName}.functions.${spec.name}(${names.join(', ')});`,
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
      out.push(`function ${name}(${params}) {\n  return ${globalName}.${group}.${name}(${params});\n}`);
    }
  }
  return `\n${out.join('\n\n')}\n`;
}
