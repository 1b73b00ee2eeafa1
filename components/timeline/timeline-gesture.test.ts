import { describe, expect, it } from "vitest";
import { gestureStep, initialGesture, type GestureEffect, type GestureEvent, type GestureState } from "./timeline-gesture";

const w = (startMs: number, endMs = startMs + 100) => ({ startMs, endMs });
const start = w(0);

/** Feeds events in order; returns the phases passed through and what the parent heard. */
function run(events: GestureEvent[], state: GestureState = initialGesture(start)) {
  const phases: string[] = [];
  const heard: GestureEffect[] = [];
  for (const event of events) {
    const next = gestureStep(state, event);
    state = next.state;
    phases.push(state.phase);
    if (next.effect) heard.push(next.effect);
  }
  return { state, phases, heard };
}

const press: GestureEvent = { type: "press" };
const release: GestureEvent = { type: "release" };
const userMove = (window = w(10)): GestureEvent => ({ type: "rangechange", byUser: true, window });
const codeMove = (window = w(10)): GestureEvent => ({ type: "rangechange", byUser: false, window });
const userSettle = (window = w(10)): GestureEvent => ({ type: "rangechanged", byUser: true, window });
const codeSettle = (window = w(10)): GestureEvent => ({ type: "rangechanged", byUser: false, window });

describe("the timeline's gesture", () => {
  it("a mouse drag goes idle → dragging → settling → idle: live steps, then one end against the window it began from", () => {
    const { phases, heard } = run([press, userMove(w(5)), userMove(w(10)), release, userSettle(w(10))]);
    expect(phases).toEqual(["idle", "dragging", "dragging", "settling", "idle"]);
    expect(heard).toEqual([
      { kind: "scrub", window: w(5), before: start },
      { kind: "scrub", window: w(10), before: start },
      { kind: "scrubEnd", window: w(10), before: start },
    ]);
  });

  it("stays dragging however long the hand rests mid-drag: no clock ends it", () => {
    const { state, heard } = run([press, userMove(), codeMove(w(50)), codeSettle(w(50))]);
    expect(state.phase).toBe("dragging");
    expect(heard.filter((e) => e.kind === "scrubEnd")).toEqual([]);
  });

  it("a wheel zoom has no hand down: it settles until vis's delayed rangechanged", () => {
    const { phases, heard } = run([userMove(w(2, 90)), userMove(w(4, 80)), userSettle(w(4, 80))]);
    expect(phases).toEqual(["settling", "settling", "idle"]);
    expect(heard.at(-1)).toEqual({ kind: "scrubEnd", window: w(4, 80), before: start });
  });

  it("a tap moves nothing and ends nothing", () => {
    const { phases, heard } = run([press, release]);
    expect(phases).toEqual(["idle", "idle"]);
    expect(heard).toEqual([]);
  });

  it("programmatic moves while idle are not the reader's, but become the next gesture's starting point", () => {
    const { state, heard } = run([codeMove(w(30)), codeSettle(w(30)), userMove(w(40)), userSettle(w(40))]);
    expect(state.phase).toBe("idle");
    expect(heard).toEqual([
      { kind: "scrub", window: w(40), before: w(30) },
      { kind: "scrubEnd", window: w(40), before: w(30) },
    ]);
  });

  it("a programmatic move that swallows a settling wheel step still ends the gesture", () => {
    const { state, heard } = run([userMove(w(20)), codeSettle(w(20))]);
    expect(state.phase).toBe("idle");
    expect(heard.at(-1)).toEqual({ kind: "scrubEnd", window: w(20), before: start });
  });

  it("vis ending the drag before the pointerup reaches us leaves it idle, not settling", () => {
    const { phases } = run([press, userMove(), userSettle(), release]);
    expect(phases).toEqual(["idle", "dragging", "idle", "idle"]);
  });

  it("a pinch that pauses long enough for vis to settle reports that window, and resumes dragging", () => {
    const { phases, heard } = run([press, userMove(w(5)), userSettle(w(5)), userMove(w(8)), release, userSettle(w(8))]);
    expect(phases).toEqual(["idle", "dragging", "idle", "dragging", "settling", "idle"]);
    expect(heard.filter((e) => e.kind === "scrubEnd")).toEqual([
      { kind: "scrubEnd", window: w(5), before: start },
      { kind: "scrubEnd", window: w(8), before: w(5) },
    ]);
  });
});
