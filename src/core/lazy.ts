/**
 * A value made on first use, then kept: `const schema = lazy(() => z.object({ … }))`, read as
 * `schema()`. Apps Script loads the whole bundle for every custom-function call and every sidebar
 * call, so the bundle's top level only defines: whatever costs something to build (a zod schema, a
 * big table) waits until a call needs it.
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
