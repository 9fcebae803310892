/**
 * Apps Script throws its service errors as Errors named "Exception": `String(e)` reads
 * "Exception: <message>", which is how the reference quotes them, while `e.message` has no prefix.
 */
export function exception(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

/** Apps Script's name for a JS value's type in "The parameters (…) don't match…" errors [ODD]. */
function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (Array.isArray(v)) return 'Object[]';
  return 'Object';
}

export function signatureError(method: string, args: readonly unknown[]): Error {
  return exception(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

/** Throws the signature error unless every check passes. */
export function checkArgs(method: string, args: readonly unknown[], ok: boolean): void {
  if (!ok) throw signatureError(method, args);
}
