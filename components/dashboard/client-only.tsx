"use client";
import { lazy, Suspense, useSyncExternalStore, type ComponentType } from "react";

const subscribeNever = () => () => {};

/**
 * A component whose code loads in the browser only, after hydration, showing `Fallback` (also what
 * the server renders) until then. next/dynamic with `ssr: false` does the same, but its loader
 * costs about 1 KiB gzipped in the page's first scripts, which the budget (e2e/budget.spec.ts)
 * cannot spare; React.lazy is already in React.
 */
export function clientOnly<P extends object>(load: () => Promise<ComponentType<P>>, Fallback: ComponentType = () => null) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function ClientOnly(props: P) {
    // false on the server and while hydrating (so the markup matches), true from then on.
    const hydrated = useSyncExternalStore(
      subscribeNever,
      () => true,
      () => false,
    );
    return hydrated ? (
      <Suspense fallback={<Fallback />}>
        <Lazy {...props} />
      </Suspense>
    ) : (
      <Fallback />
    );
  }
  return ClientOnly;
}
