import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from "mediabunny";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { fixtureStore } from "@/lib/data/test-fixtures";
import { PLAYBACK_FILES } from "../playback-cache";
import { GET } from "./route";

vi.mock("@/lib/http/unavailable", async (original) => ({
  ...(await original<typeof import("@/lib/http/unavailable")>()),
  storeOr503: async () => fixtureStore(),
}));

/** What a player reads of a WebM: its codec and size, each frame's time and kind, and its length. */
async function video(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = (await input.getPrimaryVideoTrack())!;
  const frames: { time: number; key: boolean }[] = [];
  for await (const packet of new EncodedPacketSink(track).packets()) frames.push({ time: packet.timestamp, key: packet.type === "key" });
  return {
    ebml: [...bytes.subarray(0, 4)],
    codec: track.codec,
    width: track.codedWidth,
    height: track.codedHeight,
    frames,
    seconds: await input.getDurationFromMetadata(),
  };
}

const get = (search: string, init?: ConstructorParameters<typeof NextRequest>[1]) =>
  GET(new NextRequest(`http://localhost/og/playback.webm${search}`, init));

describe("/og/playback.webm", () => {
  it("is a WebM video of the playback's frames, one per year, each shown for the pace", async () => {
    const response = await get("?city=shanghai,shenzhen&play=1y&pace=700&from=2016&to=2016");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/webm");
    const { ebml, codec, width, height, frames, seconds } = await video(response);
    expect(ebml).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect([codec, width, height]).toEqual(["vp8", 960, 504]);
    // The fixture's events run from 2015-11 to 2025-10: eleven years, whichever frame the link was on.
    expect(frames).toHaveLength(11);
    expect(frames.every((f, i) => f.key && Math.abs(f.time - i * 0.7) < 1e-6)).toBe(true);
    expect(seconds).toBeCloseTo(7.7);
    expect(response.headers.get("x-playback-frames")).toBe("11 of 11, every 1");
    expect(response.headers.get("content-disposition")).toContain(
      'attachment; filename="china-unesco-education-events-city-shanghai+shenzhen_playback-1y.webm"',
    );
    expect(response.headers.get("cache-control")).toContain("max-age=");
    // The same playback, whatever frame it was asked from, is one file: revalidated by its ETag, not the GIF's.
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"webm-/);
    const again = await get("?city=shanghai,shenzhen&play=1y&pace=700", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  it("draws at most its bound, more than the GIF's: every k-th month, each shown for k frames' time, and says so", async () => {
    const response = await get("?play=1m&pace=200&grow=1");
    expect(response.status).toBe(200);
    const { frames, seconds } = await video(response);
    expect(frames.length).toBeLessThanOrEqual(PLAYBACK_FILES.webm.maxFrames);
    expect(frames.length).toBe(60);
    expect(frames[1].time).toBeCloseTo(0.4);
    // As long as the playback: 120 months at 200 ms.
    expect(seconds).toBeCloseTo(24);
    expect(response.headers.get("x-playback-frames")).toBe("60 of 120, every 2");
  }, 60_000);

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
