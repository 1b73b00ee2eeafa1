"use client";
import { startTransition, useEffect, useEffectEvent, useMemo, useState } from "react";
import type { TimeWindow } from "@/lib/core/time-window";
import { DEFAULT_STEP, defaultPace, frameIndexOf, framesOf, moveFrame, type Frame, type FrameMove } from "@/lib/playback/frames";
import type { Query } from "@/lib/query/query";
import type { Range } from "@/lib/timeline/scrub-outcome";
import type { SetView } from "../dashboard/useView";
import { WOKEN_ATTRIBUTE } from "../dashboard/first-gesture";
import { reducedMotion } from "../dashboard/reduced-motion";

/** Where a gesture pauses playback: the map, the timeline, the list and filters, the search (an embed's list too). */
const GESTURE_AREAS = ".views, .sidebar, .masthead, .embed-list";
/** On `<html>` while playback plays. */
const PLAYING_ATTRIBUTE = "data-playing";
/** The player's own controls never pause it. */
const PLAYER = ".player";

/**
 * The player's state: the frames over the data's span (lib/playback), the frame shown, and whether
 * it plays. While it plays, each frame is shown at once by the browser (`onFrame`: counted over the
 * scrub index, the timeline moved, no server round trip) and written to the URL in place, at most
 * four times a second; a pause asks the server for the frame's view, so the URL then says exactly
 * what is shown. Any gesture on the map, the timeline, the list, the filters or the search pauses.
 *
 * `shownFor` is the server's view the local frame belongs to: a new view (a pause answered, a filter
 * chosen) replaces it, and the URL's from/to is the frame again.
 */
export function usePlayer({
  query,
  setView,
  extent,
  shownFor,
  onFrame,
  counted,
  autoplay = false,
}: {
  query: Query;
  setView: SetView;
  extent: TimeWindow | null;
  shownFor: unknown;
  onFrame: (range: Range | null) => void;
  /** The browser counts frames itself (the scrub index is loaded); else the server computes each. */
  counted: boolean;
  /** Start playing as the page opens (an embed's `autoplay=1`; the dashboard never does). */
  autoplay?: boolean;
}) {
  const step = query.play ?? DEFAULT_STEP;
  const grow = query.grow;
  const frames = useMemo(() => (extent ? framesOf(extent, step, grow) : []), [extent, step, grow]);
  const pace = query.pace ?? defaultPace(frames.length);
  const [local, setLocal] = useState<{ for: unknown; index: number } | null>(null);
  const [playing, setPlaying] = useState(false);
  const ahead = local?.for === shownFor ? local : null;
  const index = ahead ? Math.min(ahead.index, frames.length - 1) : frameIndexOf(frames, { from: query.from, to: query.to }, grow);
  const frame: Frame | undefined = frames[index];

  /** Shows frame `i` now and writes it to the URL: in place while playing, as a view the server computes otherwise. */
  const show = (i: number, live: boolean, settings: Partial<Query> = {}) => {
    const next = (settings.play !== undefined || settings.grow !== undefined ? reframed(settings) : frames)[i];
    if (!next) return;
    setLocal({ for: shownFor, index: i });
    onFrame(next);
    setView({ ...settings, from: next.from, to: next.to }, live ? (counted ? "frame" : "served-frame") : "replace");
  };
  /** The frames under other settings (a new step or mode). */
  const reframed = (settings: Partial<Query>) => (extent ? framesOf(extent, settings.play ?? step, settings.grow ?? grow) : []);

  const pause = () => {
    setPlaying(false);
    // The frame shown goes to the server, which renders it: reloading it gives the same view.
    if (ahead && frame) setView({ play: step, from: frame.from, to: frame.to }, "replace");
  };
  const play = () => {
    if (frames.length === 0) return;
    // From the frame shown, or from the start again when it had reached the end. As a transition: the
    // first frame re-renders the whole view (the player opens, every panel takes the frame), which
    // React then does in slices that leave the page responsive instead of one long task.
    startTransition(() => {
      show(index >= frames.length - 1 ? 0 : index, true, { play: step });
      setPlaying(true);
    });
  };
  const move = (how: FrameMove) => show(moveFrame(index, how, frames.length), playing);
  /** A new step or mode: the frame around the one shown, under the new settings. */
  const change = (settings: Pick<Partial<Query>, "play" | "grow">) => {
    const next = reframed(settings);
    const at = frame
      ? frameIndexOf(next, grow && settings.grow === false ? { from: frame.to, to: frame.to } : frame, settings.grow ?? grow)
      : 0;
    show(at, playing, { play: step, ...settings });
  };
  // The pace changes nothing the server computes: written in place, in the browser.
  const setPace = (ms: number | null) => setView({ pace: ms }, "frame");
  /** Closes the player: the frame stays as the view's window. */
  const close = () => {
    setPlaying(false);
    onFrame(null);
    setView({ play: null, grow: false, pace: null, ...(frame && ahead ? { from: frame.from, to: frame.to } : {}) }, "replace");
  };

  // One loop on the display's frames: each tick that has waited `pace` moves one frame (vis-timeline's
  // own animation runs on timers; the window is set without animation, so frames change in steps).
  const tick = useEffectEvent(() => {
    if (index >= frames.length - 1) pause();
    else show(index + 1, true);
  });
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let id = requestAnimationFrame(function loop(now) {
      if (now - last >= pace) {
        last = now;
        tick();
      }
      id = requestAnimationFrame(loop);
    });
    return () => cancelAnimationFrame(id);
  }, [playing, pace]);

  // Autoplay wakes the live view (as a first gesture would) and starts once the browser can count
  // frames itself; a reader who asks for reduced motion gets the paused player instead. The first
  // frame's URL drops `autoplay`, so reloading a paused frame stays paused.
  const [autoplayed, setAutoplayed] = useState(false);
  const wanted = autoplay && !autoplayed;
  useEffect(() => {
    if (!wanted) return;
    if (reducedMotion()) return setAutoplayed(true);
    document.documentElement.setAttribute(WOKEN_ATTRIBUTE, "");
  }, [wanted]);
  const start = useEffectEvent(() => {
    setAutoplayed(true);
    if (frames.length === 0) return;
    show(index >= frames.length - 1 ? 0 : index, true, { play: step, autoplay: false });
    setPlaying(true);
  });
  useEffect(() => {
    if (wanted && counted) start();
  }, [wanted, counted]);

  // While it plays, the page keeps its layout from frame to frame (app/globals.css, html[data-playing]).
  useEffect(() => {
    if (!playing) return;
    document.documentElement.setAttribute(PLAYING_ATTRIBUTE, "");
    return () => document.documentElement.removeAttribute(PLAYING_ATTRIBUTE);
  }, [playing]);

  const onGesture = useEffectEvent((e: Event) => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target || target.closest(PLAYER) || !target.closest(GESTURE_AREAS)) return;
    // Moving focus is not a gesture on the view.
    if (e instanceof KeyboardEvent && (e.key === "Tab" || ["Shift", "Control", "Alt", "Meta"].includes(e.key))) return;
    pause();
  });
  useEffect(() => {
    if (!playing) return;
    const listener = (e: Event) => onGesture(e);
    const kinds = ["pointerdown", "wheel", "keydown"] as const;
    for (const kind of kinds) document.addEventListener(kind, listener, { capture: true, passive: true });
    return () => {
      for (const kind of kinds) document.removeEventListener(kind, listener, { capture: true });
    };
  }, [playing]);

  return {
    frames,
    index,
    frame,
    playing,
    step,
    grow,
    pace,
    defaultPace: defaultPace(frames.length),
    play,
    pause,
    move,
    change,
    setPace,
    close,
  };
}

export type PlayerState = ReturnType<typeof usePlayer>;
