/**
 * The boundary between the emulator (Node's realm) and the bundle (a node:vm context, its own realm).
 * In Apps Script, what a service returns is made in the script's realm: `values instanceof Array`,
 * `d instanceof Date` and `e instanceof Error` hold. Across node:vm they would not, so every value
 * crossing is copied: arrays, Dates, plain objects and errors are rebuilt in the other realm; service
 * objects (a Range, a Sheet) cross as proxies whose methods copy in the same way. A proxy passed back
 * to the emulator (setActiveSheet(sheet)) is unwrapped to its object.
 */
import vm from 'node:vm';

interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
}

type Fn = (...args: unknown[]) => unknown;

const tag = (v: unknown) => Object.prototype.toString.call(v);

export class Membrane {
  private readonly inner: Realm;
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  private readonly methods = new WeakMap<object, Map<PropertyKey, Fn>>();

  constructor(readonly context: vm.Context) {
    this.inner = vm.runInContext('({ Array, Date, Error, Object })', context) as Realm;
  }

  private isPlain(v: object, proto: object | null): boolean {
    const p = Object.getPrototypeOf(v);
    return p === null || p === proto;
  }

  /** A value from the emulator, as the bundle should see it. */
  toVm(v: unknown): unknown {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    if (typeof v === 'function') return this.wrapHostFunction(v as Fn, undefined);
    if (Array.isArray(v)) {
      const out = new this.inner.Array();
      for (const x of v) out.push(this.toVm(x));
      return out;
    }
    if (tag(v) === '[object Date]') return new this.inner.Date((v as Date).getTime());
    if (v instanceof Error || tag(v) === '[object Error]') return this.errorToVm(v as Error);
    if (this.targets.has(v)) return v; // already one of our proxies
    if (this.isPlain(v, Object.prototype)) {
      const out = new this.inner.Object() as Record<string, unknown>;
      for (const [k, x] of Object.entries(v)) out[k] = this.toVm(x);
      return out;
    }
    if (this.isPlain(v, this.inner.Object.prototype)) return v; // made in the vm already
    return this.proxy(v);
  }

  /** A value from the bundle, as the emulator should see it. */
  fromVm(v: unknown): unknown {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    const target = this.targets.get(v as object);
    if (target) return target;
    if (typeof v === 'function') return this.wrapVmFunction(v as Fn);
    if (Array.isArray(v)) return Array.from(v, (x) => this.fromVm(x));
    if (tag(v) === '[object Date]') return new Date((v as Date).getTime());
    if (tag(v) === '[object Error]') {
      const src = v as Error;
      const e = new Error(src.message);
      e.name = src.name;
      if (src.stack) e.stack = src.stack;
      return e;
    }
    if (this.isPlain(v, this.inner.Object.prototype) || this.isPlain(v, Object.prototype)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = this.fromVm(x);
      return out;
    }
    return v;
  }

  errorToVm(e: Error): Error {
    if (Object.getPrototypeOf(e) === this.inner.Error.prototype) return e;
    const out = new this.inner.Error(e.message);
    out.name = e.name;
    if (e.stack) out.stack = e.stack;
    return out;
  }

  /** Calls an emulator function for the bundle: arguments copied out, result and errors copied in. */
  private callHost(fn: Fn, self: unknown, args: unknown[]): unknown {
    const hostArgs = args.map((a) => this.fromVm(a));
    try {
      return this.toVm(fn.apply(self, hostArgs));
    } catch (e) {
      throw e instanceof Error || tag(e) === '[object Error]' ? this.errorToVm(e as Error) : e;
    }
  }

  private wrapHostFunction(fn: Fn, self: unknown): Fn {
    const membrane = this;
    return function (this: unknown, ...args: unknown[]) {
      return membrane.callHost(fn, self ?? membrane.fromVm(this), args);
    };
  }

  private wrapVmFunction(fn: Fn): Fn {
    return (...args: unknown[]) => this.fromVm(fn(...args.map((a) => this.toVm(a))));
  }

  /** A service object as the bundle sees it: same proxy every time, methods copying both ways. */
  private proxy(target: object): object {
    const known = this.proxies.get(target);
    if (known) return known;
    const p = new Proxy(target, {
      get: (t, key) => {
        const v = Reflect.get(t, key, t) as unknown;
        if (typeof v !== 'function') return this.toVm(v);
        let cache = this.methods.get(t);
        if (!cache) {
          cache = new Map();
          this.methods.set(t, cache);
        }
        let m = cache.get(key);
        if (!m) {
          m = this.wrapHostFunction(v as Fn, t);
          cache.set(key, m);
        }
        return m;
      },
      set: (t, key, value) => Reflect.set(t, key, this.fromVm(value), t),
    });
    this.proxies.set(target, p);
    this.targets.set(p, target);
    return p;
  }
}
