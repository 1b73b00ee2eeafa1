import { LIMITS, formatBytes } from "./limits";

/** Why a zip must not be unpacked, or null when it may. */
export type ZipVerdict =
  { ok: true } | { ok: false; code: "bad-xlsx"; reason: string } | { ok: false; code: "zip-bomb"; size: string; reason: string };

/**
 * Reads a zip's central directory (its list of entries with their packed and unpacked sizes) without
 * unpacking anything, and refuses one that would unpack past the limits: a "zip bomb" named .xlsx.
 * The sizes are the ones the file declares; the xlsx reader unpacks only after this check.
 */
export function checkZip(bytes: Uint8Array): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KB (22 bytes and a comment of up to 65,535).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, code: "bad-xlsx", reason: "it is not a zip archive (an .xlsx file is one)" };
  const entries = view.getUint16(end + 10, true);
  if (entries > LIMITS.maxZipEntries)
    return { ok: false, code: "zip-bomb", size: `${entries} entries`, reason: `more than ${LIMITS.maxZipEntries} entries` };
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return { ok: false, code: "bad-xlsx", reason: "its list of entries is damaged" };
    const packed = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    // 0xFFFFFFFF: a ZIP64 size, which no spreadsheet of a size we read needs.
    if (unpacked === 0xffffffff) return { ok: false, code: "zip-bomb", size: "over 4 GB", reason: "an entry of 4 GB or more" };
    total += unpacked;
    if (total > LIMITS.maxUnzippedBytes)
      return {
        ok: false,
        code: "zip-bomb",
        size: `over ${formatBytes(total)}`,
        reason: `more than ${formatBytes(LIMITS.maxUnzippedBytes)} in all`,
      };
    if (unpacked > 1024 * 1024 && unpacked > LIMITS.maxZipRatio * Math.max(packed, 1)) {
      return {
        ok: false,
        code: "zip-bomb",
        size: formatBytes(unpacked),
        reason: `an entry packed ${Math.round(unpacked / Math.max(packed, 1))} to 1`,
      };
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { ok: true };
}
