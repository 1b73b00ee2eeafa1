"use client";
import { lazy, Suspense, type ComponentProps } from "react";

// The open event's card (stepping keys, focus, the phone sheet's pull) loads with the first event
// opened, not with every reader's first scripts (e2e/budget.spec.ts). A link that opens on an event
// still shows it before any script runs: the server renders it, and the page hydrates it once loaded.
const EventDetail = lazy(() => import("./EventDetail").then((m) => ({ default: m.EventDetail })));

/** The selected event's detail (EventDetail), loaded on demand. */
export function SelectedEvent(props: ComponentProps<typeof EventDetail>) {
  return (
    <Suspense fallback={null}>
      <EventDetail {...props} />
    </Suspense>
  );
}
