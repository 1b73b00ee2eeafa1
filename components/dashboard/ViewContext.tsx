"use client";
import { createContext, useContext, type MouseEvent, type ReactNode } from "react";
import type { Query } from "@/lib/query/query";
import type { UiText } from "@/lib/i18n/ui-text";
import type { SetView } from "./useView";

export interface ViewContextValue {
  query: Query;
  setView: SetView;
  hrefFor: (patch: Partial<Query>) => string;
  /** The interface's strings in the view's language, written by the server. */
  text: UiText;
  /** The events the guided tour's step is about (marked in the list and timeline), if a tour is open. */
  highlighted?: ReadonlySet<string>;
  /** The map's line from the previous tour step's place to this step's. */
  tourLine?: TourLine | null;
}

/** Two places as `[lat, lon]`. */
export type TourLine = readonly [readonly [number, number], readonly [number, number]];

const ViewContext = createContext<ViewContextValue | null>(null);
export const ViewProvider = ViewContext.Provider;

export function useViewContext(): ViewContextValue {
  const value = useContext(ViewContext);
  if (!value) throw new Error("useViewContext must be used inside <ViewProvider>");
  return value;
}

/**
 * A link to another view: a real href, so it works before JavaScript loads and can be opened in a
 * new tab; a plain click becomes a URL update the server answers with the new view.
 */
export function ViewLink(props: {
  patch: Partial<Query>;
  children: ReactNode;
  label?: string;
  className?: string;
  how?: "push" | "replace";
  current?: boolean;
  /** The key that does the same (aria-keyshortcuts). */
  keys?: string;
}) {
  const { setView, hrefFor } = useViewContext();
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    setView(props.patch, props.how);
  };
  return (
    <a
      href={hrefFor(props.patch)}
      onClick={onClick}
      aria-label={props.label}
      className={props.className}
      aria-current={props.current ? "true" : undefined}
      aria-keyshortcuts={props.keys}
    >
      {props.children}
    </a>
  );
}
