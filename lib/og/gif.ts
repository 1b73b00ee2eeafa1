import "server-only";
import { applyPalette, GIFEncoder, quantize } from "gifenc";
import { PNG } from "pngjs";

/**
 * An animated GIF made of PNG frames (the preview images of a playback's frames), looping for ever.
 * Each frame gets a palette of its own (a preview has a few flat colours and anti-aliased text, so
 * 256 colours hold it without dithering), and all frames must share one size.
 */
export function animatedGif() {
  const gif = GIFEncoder();
  let size: { width: number; height: number } | undefined;
  let frames = 0;
  return {
    /** Adds a frame shown for `delay` ms (a GIF counts in hundredths of a second). */
    addPng(png: Uint8Array, delay: number) {
      const { width, height, data } = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      size ??= { width, height };
      if (width !== size.width || height !== size.height)
        throw new Error(`a ${width}×${height} frame in a ${size.width}×${size.height} GIF`);
      const palette = quantize(data, 256);
      gif.writeFrame(applyPalette(data, palette), width, height, { palette, delay, repeat: 0 });
      frames++;
    },
    get frames() {
      return frames;
    },
    /** The file; no frame may be added after. */
    finish(): Uint8Array {
      gif.finish();
      return gif.bytes();
    },
  };
}
