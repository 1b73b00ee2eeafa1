import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from "mediabunny";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { vp8KeyFrameOfWebp, webmVideo } from "./webm";

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const chunk = (id: string, payload: number[]) => [...ascii(id), ...u32(payload.length), ...payload, ...(payload.length & 1 ? [0] : [])];
/** A RIFF WebP file of these chunks, its size field counting what follows it. */
const riff = (...chunks: number[][]) => {
  const body = [...ascii("WEBP"), ...chunks.flat()];
  return new Uint8Array([...ascii("RIFF"), ...u32(body.length), ...body]);
};

describe("the VP8 key frame of a WebP", () => {
  it("is the payload of its 'VP8 ' chunk, found after chunks of odd size and their padding", () => {
    const file = riff(chunk("VP8X", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), chunk("ICCP", [1, 2, 3]), chunk("VP8 ", [7, 8, 9, 10, 11]));
    expect([...vp8KeyFrameOfWebp(file)]).toEqual([7, 8, 9, 10, 11]);
  });

  it("refuses what has no VP8 frame, or lies about its size", () => {
    expect(() => vp8KeyFrameOfWebp(riff(chunk("VP8L", [1, 2, 3, 4])))).toThrow(/no lossy VP8 image/);
    expect(() => vp8KeyFrameOfWebp(new Uint8Array([...ascii("RIFF"), 0, 0, 0, 0, ...ascii("WAVE")]))).toThrow(/not a WebP/);
    const truncated = riff(chunk("VP8 ", [1, 2, 3, 4])).slice(0, -2);
    expect(() => vp8KeyFrameOfWebp(truncated)).toThrow(/past the file's end/);
  });

  it("of a lossy WebP from sharp is a VP8 key frame of the picture's size", async () => {
    const webp = await sharp({ create: { width: 96, height: 50, channels: 3, background: "#3366cc" } })
      .webp({ quality: 80 })
      .toBuffer();
    const frame = vp8KeyFrameOfWebp(webp);
    // RFC 6386 §9.1: a key frame's tag has bit 0 clear, then the start code and the 14-bit width and height.
    expect(frame[0] & 1).toBe(0);
    expect([...frame.subarray(3, 6)]).toEqual([0x9d, 0x01, 0x2a]);
    expect(frame[6] | ((frame[7] & 0x3f) << 8)).toBe(96);
    expect(frame[8] | ((frame[9] & 0x3f) << 8)).toBe(50);
  });
});

/** A frame of its own colour, as a PNG. */
const png = (width: number, height: number, red: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: red, g: 80, b: 120, alpha: 1 } } })
    .png()
    .toBuffer();

describe("a WebM video of PNG frames", () => {
  it("holds one VP8 key frame per PNG, each at its time, and lasts their delays", async () => {
    const video = webmVideo();
    for (const [i, delay] of [500, 500, 1500].entries()) video.addPng(await png(64, 40, i * 100), delay);
    const bytes = await video.finish();
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML
    // Read back with a demuxer, as a player would.
    const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
    expect(await input.getMimeType()).toBe('video/webm; codecs="vp8"');
    const track = (await input.getPrimaryVideoTrack())!;
    expect([track.codec, track.codedWidth, track.codedHeight]).toEqual(["vp8", 64, 40]);
    // The segment's duration, which players show: the last frame is shown for its own delay too.
    expect(await input.getDurationFromMetadata()).toBe(2.5);
    const packets = [];
    for await (const packet of new EncodedPacketSink(track).packets()) packets.push(packet);
    expect(packets.map((p) => [p.type, p.timestamp])).toEqual([
      ["key", 0],
      ["key", 0.5],
      ["key", 1],
    ]);
  });

  it("refuses frames of another size", async () => {
    const video = webmVideo();
    video.addPng(await png(64, 40, 0), 500);
    video.addPng(await png(32, 40, 0), 500);
    await expect(video.finish()).rejects.toThrow("a 32×40 frame in a 64×40 video");
  });
});
