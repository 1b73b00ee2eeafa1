import "server-only";
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Output, WebMOutputFormat } from "mediabunny";
import sharp from "sharp";

/**
 * The VP8 key frame inside a lossy WebP: the payload of its `VP8 ` chunk. A lossy WebP is a RIFF
 * file whose image is one VP8 intra frame, so a WebP encoder (sharp's libwebp, a prebuilt binary)
 * is a VP8 key-frame encoder, with no ffmpeg. Chunks are walked as RIFF lays them out (a four-letter
 * id, a little-endian size, the payload, one padding byte after an odd size), so an extended file
 * (`VP8X`, metadata chunks before the image) is read as well; a lossless (`VP8L`) one has no VP8 frame.
 */
export function vp8KeyFrameOfWebp(webp: Uint8Array): Uint8Array {
  const view = new DataView(webp.buffer, webp.byteOffset, webp.byteLength);
  const fourcc = (at: number) => String.fromCharCode(...webp.subarray(at, at + 4));
  if (webp.byteLength < 12 || fourcc(0) !== "RIFF" || fourcc(8) !== "WEBP") throw new Error("not a WebP file");
  const end = Math.min(webp.byteLength, 8 + view.getUint32(4, true));
  for (let at = 12; at + 8 <= end;) {
    const id = fourcc(at);
    const size = view.getUint32(at + 4, true);
    if (at + 8 + size > end) throw new Error(`the WebP's ${id} chunk runs past the file's end`);
    if (id === "VP8 ") return webp.subarray(at + 8, at + 8 + size);
    at += 8 + size + (size & 1);
  }
  throw new Error("the WebP has no lossy VP8 image (a lossless or animated one has none)");
}

/** libwebp's quality, 0–100: 80 keeps a preview's small text sharp at a fraction of a PNG's bytes. */
export const WEBM_QUALITY = 80;

/** A PNG as the VP8 key frame of a lossy WebP, and its size. */
async function vp8KeyFrame(png: Uint8Array, quality: number) {
  // Opaque (a preview has no transparency; flattening makes sure), so libwebp writes the simple `VP8 ` file, no alpha chunk.
  const { data, info } = await sharp(png).flatten({ background: "#ffffff" }).webp({ quality }).toBuffer({ resolveWithObject: true });
  return { frame: vp8KeyFrameOfWebp(data), width: info.width, height: info.height };
}

/**
 * A WebM video (VP8) made of PNG frames (the preview images of a playback's frames), each a key
 * frame shown for its own time: a playback changes much of the picture from frame to frame and
 * shows each for a long while, so inter frames would save little, and every frame can be sought to.
 * All frames must share one size. Frames are added in order; `finish` gives the file.
 *
 * A frame's encoding runs on libvips' threads while the caller draws the next frame: `addPng` only
 * starts it, and the frames join the file in order.
 */
export function webmVideo({ quality = WEBM_QUALITY } = {}) {
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const source = new EncodedVideoPacketSource("vp8");
  output.addVideoTrack(source);
  let muxed: Promise<unknown> = output.start();
  let size: { width: number; height: number } | undefined;
  let seconds = 0;
  let frames = 0;
  return {
    /** Adds a frame shown for `delay` ms. */
    addPng(png: Uint8Array, delay: number) {
      const encoded = vp8KeyFrame(png, quality);
      const [timestamp, first] = [seconds, frames === 0];
      seconds += delay / 1000;
      frames++;
      muxed = muxed.then(async () => {
        const { frame, width, height } = await encoded;
        size ??= { width, height };
        if (width !== size.width || height !== size.height)
          throw new Error(`a ${width}×${height} frame in a ${size.width}×${size.height} video`);
        // WebCodecs' codec string for VP8 is 'vp8'; the first packet carries the decoder's config.
        const meta = first ? { decoderConfig: { codec: "vp8", codedWidth: width, codedHeight: height } } : undefined;
        await source.add(new EncodedPacket(frame, "key", timestamp, delay / 1000), meta);
      });
      // A file abandoned midway (its client left) is never finished: its failure is nobody's to handle.
      muxed.catch(() => {});
      encoded.catch(() => {});
    },
    get frames() {
      return frames;
    },
    /** The file; no frame may be added after. */
    async finish(): Promise<Uint8Array> {
      await muxed;
      await output.finalize();
      return new Uint8Array(target.buffer!);
    },
  };
}
