import { describe, expect, it } from "vitest";
import { heightMessage, MAX_HEIGHT, readFrameMessage, readHostMessage, setViewMessage, viewMessage } from "./protocol";

describe("the embed's messages", () => {
  it("are namespaced and versioned, and read back as sent", () => {
    expect(heightMessage(412.3)).toEqual({ type: "edu-coop-timeline:height", v: 1, height: 413 });
    expect(readFrameMessage(heightMessage(412))).toEqual(heightMessage(412));
    const view = viewMessage("https://site.example/?city=shanghai");
    expect(view.type).toBe("edu-coop-timeline:view");
    expect(readFrameMessage(view)).toEqual(view);
    expect(readHostMessage(setViewMessage("?city=shanghai"))).toEqual({
      type: "edu-coop-timeline:set-view",
      v: 1,
      query: "?city=shanghai",
    });
  });

  it("refuse anything of another shape, version or namespace", () => {
    const refused = [
      null,
      "edu-coop-timeline:height",
      [heightMessage(10)],
      { ...heightMessage(10), v: 2 },
      { ...heightMessage(10), type: "other-widget:height" },
      { type: "edu-coop-timeline:height", v: 1, height: "100" },
      { type: "edu-coop-timeline:height", v: 1, height: Number.NaN },
      { type: "edu-coop-timeline:height", v: 1, height: -1 },
      { type: "edu-coop-timeline:height", v: 1, height: MAX_HEIGHT + 1 },
      { type: "edu-coop-timeline:view", v: 1, url: "javascript:alert(1)" },
      { type: "edu-coop-timeline:view", v: 1, url: 42 },
    ];
    for (const data of refused) expect(readFrameMessage(data)).toBeNull();
    for (const data of [
      null,
      { type: "edu-coop-timeline:set-view", v: 1 },
      { type: "edu-coop-timeline:set-view", v: 1, query: { city: "shanghai" } },
      { type: "edu-coop-timeline:set-view", v: 2, query: "?city=shanghai" },
      { type: "edu-coop-timeline:set-view", v: 1, query: "x".repeat(5000) },
      heightMessage(10),
    ])
      expect(readHostMessage(data)).toBeNull();
  });

  it("a frame's own messages are never taken for the host's, nor the host's for the frame's", () => {
    expect(readHostMessage(viewMessage("https://site.example/"))).toBeNull();
    expect(readFrameMessage(setViewMessage("?city=shanghai"))).toBeNull();
  });
});
