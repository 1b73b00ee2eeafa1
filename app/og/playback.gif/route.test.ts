import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { fixtureStore } from "@/lib/data/test-fixtures";
import { PLAYBACK_FILES } from "../playback-cache";
import { GET } from "./route";

vi.mock("@/lib/http/unavailable", async (original) => ({
  ...(await original<typeof import("@/lib/http/unavailable")>()),
  storeOr503: async () => fixtureStore(),
}));

/** The frames of a GIF (walked block by block, as a decoder does): each one's size and delay in ms. */
function gifFrames(bytes: Uint8Array) {
  const frames: { width: number; height: number; delay: number }[] = [];
  let at = 13 + (bytes[10] & 0x80 ? 3 << ((bytes[10] & 7) + 1) : 0);
  let delay = 0;
  const skipSubBlocks = () => {
    while (bytes[at] !== 0) at += bytes[at] + 1;
    at++;
  };
  while (bytes[at] !== 0x3b) {
    if (bytes[at] === 0x21) {
      if (bytes[at + 1] === 0xf9) delay = (bytes[at + 4] | (bytes[at + 5] << 8)) * 10;
      at += 2;
      skipSubBlocks();
    } else if (bytes[at] === 0x2c) {
      frames.push({ width: bytes[at + 5] | (bytes[at + 6] << 8), height: bytes[at + 7] | (bytes[at + 8] << 8), delay });
      const packed = bytes[at + 9];
      at += 10 + (packed & 0x80 ? 3 << ((packed & 7) + 1) : 0) + 1;
      skipSubBlocks();
    } else throw new Error(`not a GIF block at ${at}: ${bytes[at]}`);
  }
  return frames;
}

const get = (search: string, init?: ConstructorParameters<typeof NextRequest>[1]) =>
  GET(new NextRequest(`http://localhost/og/playback.gif${search}`, init));

describe("/og/playback.gif", () => {
  it("is an animated GIF of the playback's frames, one per year, each shown for the pace", async () => {
    const response = await get("?city=shanghai,shenzhen&play=1y&pace=700&from=2016&to=2016");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/gif");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 6))).toBe("GIF89a");
    const frames = gifFrames(bytes);
    // The fixture's events run from 2015-11 to 2025-10: eleven years, whichever frame the link was on.
    expect(frames).toHaveLength(11);
    expect(frames.every((f) => f.width === 600 && f.height === 315 && f.delay === 700)).toBe(true);
    expect(response.headers.get("x-playback-frames")).toBe("11 of 11, every 1");
    expect(response.headers.get("content-disposition")).toContain(
      'attachment; filename="china-unesco-education-events-city-shanghai+shenzhen_playback-1y.gif"',
    );
    expect(response.headers.get("cache-control")).toContain("max-age=");
    // The same playback, whatever frame it was asked from, is one file: revalidated by its ETag.
    const etag = response.headers.get("etag")!;
    const again = await get("?city=shanghai,shenzhen&play=1y&pace=700", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  it("draws at most the bound: every k-th month, each shown for k frames' time, and says so", async () => {
    const response = await get("?play=1m&pace=200&grow=1");
    expect(response.status).toBe(200);
    const frames = gifFrames(new Uint8Array(await response.arrayBuffer()));
    expect(frames.length).toBeLessThanOrEqual(PLAYBACK_FILES.gif.maxFrames);
    expect(frames.length).toBe(40);
    expect(frames[0].delay).toBe(600);
    expect(response.headers.get("x-playback-frames")).toBe("40 of 120, every 3");
  }, 60_000);

  it("draws a view that matches nothing once, its whole span", async () => {
    const response = await get("?q=nothing-matches-this");
    expect(response.status).toBe(200);
    expect(gifFrames(new Uint8Array(await response.arrayBuffer()))).toHaveLength(1);
    expect(response.headers.get("x-playback-frames")).toBe("1 of 1, every 1");
  });

  it("answers a bad query with the API's 400 and its issues, never a 500", async () => {
    for (const search of ["?play=2w", "?pace=fast", "?city=atlantis", "?grow=yes"]) {
      const response = await get(search);
      expect(response.status, search).toBe(400);
      const body = await response.json();
      expect(body.error).toBe("Invalid query parameters");
      expect(body.issues.length).toBeGreaterThan(0);
    }
  });

  it("draws nothing for a client that has left", async () => {
    const response = await get("?play=3m&q=left", { signal: AbortSignal.abort() });
    expect(response.status).toBe(499);
  });
});
