/**
 * Lazily loaded components that render at once, without suspending, when their chunk is in.
 *
 * React.lazy suspends on its first render even when its chunk has arrived (it reads its promise's
 * outcome only in a `then` callback), and React 19 holds back the reveal of a Suspense boundary
 * until 300 ms after its fallback was shown (its FALLBACK_THROTTLE_MS): a page whose chunk was
 * preloaded still showed a spinner first and painted up to 300 ms later. Here the loader's promise
 * records its own outcome the way React's `use()` reads it (`status`, `value`, `reason`), so once the
 * chunk is in, `use()` returns the module in the same render. route-preload.ts starts the route's
 * chunks and main.tsx renders when they are in: the first paint is the page.
 */
import { type ComponentType, use } from "react";

/** A promise carrying its outcome, as React's `use()` reads it without suspending. */
type Tracked<T> = Promise<T> & { status?: "pending" | "fulfilled" | "rejected"; value?: T; reason?: unknown };

/**
 * `load`, called once: every call returns the same promise, which records its outcome. A failed
 * load is tried again on the next call (a chunk missing after a deploy, a dropped connection).
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Tracked<T> | null = null;
  return () => {
    if (promise && promise.status !== "rejected") return promise;
    const p: Tracked<T> = load();
    p.status = "pending";
    p.then(
      (value) => {
        p.status = "fulfilled";
        p.value = value;
      },
      (reason: unknown) => {
        p.status = "rejected";
        p.reason = reason;
      },
    );
    promise = p;
    return p;
  };
}

/**
 * The component `pick` takes from the module `load` brings (a loader made by `once`): suspends to
 * the nearest Suspense boundary while the module loads, renders directly once it is in.
 */
export function lazyComponent<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): ComponentType<P> {
  // Made once per lazy component at module level, like React.lazy's: one component type each.
  // biome-ignore lint/correctness/noComponentHookFactories: a module-level factory, as React.lazy is
  function Lazy(props: P) {
    const Component = pick(use(load()));
    return <Component {...props} />;
  }
  return Lazy;
}
