"use client";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { rangeLabel } from "@/lib/core/dates";
import type { FrameMove } from "@/lib/playback/frames";
import { ANNOUNCE_MS, PLAY_STEPS, type PlayStep } from "@/lib/playback/settings";
import { playbackHref, type PlaybackFormat } from "@/lib/query/playback-download";
import { countText, fill } from "@/lib/i18n/plural";
import type { TimeWindow } from "@/lib/core/time-window";
import type { Range } from "@/lib/timeline/scrub-outcome";
import type { SentenceParts } from "@/lib/i18n/sentence";
import { useViewContext } from "../dashboard/ViewContext";
import { usePlayer } from "./usePlayer";

/** Speeds offered besides the automatic one (by frame count), in ms per frame. */
const PACES = [2000, 1000, 500, 250];

/** The playback as files to download: an animated GIF, and a video (sharper, and more frames of a long playback). */
const DOWNLOADS: PlaybackFormat[] = ["gif", "webm"];

const KEY_MOVES: Record<string, FrameMove> = { ArrowLeft: "previous", ArrowRight: "next", Home: "first", End: "last" };

export interface PlayerProps {
  /** The span the frames cover: the timeline's extent (every filter but time). */
  extent: TimeWindow | null;
  /** The server's view the frame shown belongs to (a new one replaces the local frame). */
  shownFor: unknown;
  /** Shows a frame at once, counted in the browser; null to show the server's view again. */
  onFrame: (range: Range | null) => void;
  /** What the view shows now (the frame's, while it plays): the announcement's counts. */
  counts: { events: number; places: number };
  windowWords: SentenceParts["windowWords"];
  /** The browser can count a frame itself (its scrub index has arrived). */
  counted: boolean;
  /** Start playing as the page opens: an embed's `autoplay=1`. */
  autoplay?: boolean;
}

/**
 * Said politely, at most once every two seconds, not once per frame: the newest text when the
 * interval ends. Nothing is said for the page as it opens.
 */
function useAnnouncement(text: string): string {
  const [said, setSaid] = useState("");
  const first = useRef(text);
  const last = useRef(0);
  useEffect(() => {
    if (text === first.current && last.current === 0) return;
    const wait = Math.max(0, last.current + ANNOUNCE_MS - performance.now());
    const id = setTimeout(() => {
      last.current = performance.now();
      setSaid(text);
    }, wait);
    return () => clearTimeout(id);
  }, [text]);
  return said;
}

/**
 * The Play control beside the time fields: play/pause, step, mode, speed and frame by frame. Before
 * the view has `play`, it is one Play button; a link with `play` opens it paused on the link's frame.
 * With focus in it: Space plays or pauses, ←/→ step a frame, Home/End go to the first or last.
 */
export function Player({ extent, shownFor, onFrame, counts, windowWords, counted, autoplay }: PlayerProps) {
  const { query, setView, text } = useViewContext();
  const t = text.playback;
  const player = usePlayer({ query, setView, extent, shownFor, onFrame, counted, autoplay });
  const { frame, frames, index, playing } = player;
  const label = frame ? (rangeLabel(frame.from, frame.to, text.lang, windowWords) ?? "") : "";
  const announcement = useAnnouncement(
    frame
      ? fill(t.announce, {
          frame: label,
          events: countText(text.counts.events, counts.events, text.lang),
          places: countText(text.counts.places, counts.places, text.lang),
        })
      : "",
  );

  // The keys work wherever focus is inside the player: listened to on its group (a native listener,
  // as the group itself is no control).
  const group = useRef<HTMLDivElement>(null);
  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    // A list keeps its own keys (its options move with the arrows).
    if (e.target instanceof HTMLSelectElement || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === " ") {
      e.preventDefault();
      return playing ? player.pause() : player.play();
    }
    const move = KEY_MOVES[e.key];
    if (move) {
      e.preventDefault();
      player.move(move);
    }
  });
  useEffect(() => {
    const element = group.current;
    if (!element) return;
    const listener = (e: KeyboardEvent) => onKeyDown(e);
    // A button clicks itself on Space's release: the key has already played or paused.
    const release = (e: KeyboardEvent) => e.key === " " && e.target instanceof HTMLButtonElement && e.preventDefault();
    element.addEventListener("keydown", listener);
    element.addEventListener("keyup", release);
    return () => {
      element.removeEventListener("keydown", listener);
      element.removeEventListener("keyup", release);
    };
  }, [query.play]);
  const toggle = (
    <button type="button" className="player-toggle" onClick={playing ? player.pause : player.play} disabled={frames.length === 0}>
      <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span> {playing ? t.pause : t.play}
    </button>
  );

  if (!query.play) {
    return (
      <div className="player" role="group" aria-label={t.label} ref={group}>
        <button type="button" className="player-toggle" onClick={player.play} disabled={frames.length === 0} title={t.start}>
          <span aria-hidden="true">▶</span> <span className="player-start-label">{t.start}</span>
        </button>
      </div>
    );
  }
  return (
    <div
      className="player"
      role="group"
      aria-label={t.label}
      aria-keyshortcuts="Space ArrowLeft ArrowRight Home End"
      title={t.keys}
      ref={group}
    >
      <button type="button" onClick={() => player.move("previous")} disabled={index <= 0} aria-label={t.previous} title={t.previous}>
        <span aria-hidden="true">◀</span>
      </button>
      {toggle}
      <button type="button" onClick={() => player.move("next")} disabled={index >= frames.length - 1} aria-label={t.next} title={t.next}>
        <span aria-hidden="true">▶▏</span>
      </button>
      <span className="player-frame" data-frame={frame ? `${frame.from}/${frame.to}` : ""}>
        <strong>{label}</strong> <span className="player-position">{fill(t.position, { index: index + 1, count: frames.length })}</span>
      </span>
      <label>
        {t.step}{" "}
        <select value={player.step} onChange={(e) => player.change({ play: e.target.value as PlayStep })}>
          {PLAY_STEPS.map((s) => (
            <option key={s} value={s}>
              {t.steps[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.mode}{" "}
        <select value={player.grow ? "grow" : "slide"} onChange={(e) => player.change({ grow: e.target.value === "grow" })}>
          <option value="slide">{t.slide}</option>
          <option value="grow">{t.grow}</option>
        </select>
      </label>
      <label>
        {t.pace}{" "}
        <select value={query.pace ?? ""} onChange={(e) => player.setPace(e.target.value ? Number(e.target.value) : null)}>
          <option value="">
            {fill(t.paceAuto, {})} ({fill(t.paceSeconds, { seconds: player.defaultPace / 1000 })})
          </option>
          {[...new Set([...PACES, ...(query.pace ? [query.pace] : [])])].map((ms) => (
            <option key={ms} value={ms}>
              {fill(t.paceSeconds, { seconds: ms / 1000 })}
            </option>
          ))}
        </select>
      </label>
      {/* Plain links: the server draws the files (app/og/playback-route.ts), so they can be linked and cached like a preview image. */}
      {DOWNLOADS.map((format) => (
        <a key={format} className="player-download" href={playbackHref(query, format)} download>
          {t.download[format]}
        </a>
      ))}
      <button type="button" className="player-close" onClick={player.close} aria-label={t.close} title={t.close}>
        <span aria-hidden="true">×</span>
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}

export default Player;
