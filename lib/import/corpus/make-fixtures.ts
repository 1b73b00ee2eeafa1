// `npx tsx lib/import/corpus/make-fixtures.ts`: writes the corpus's binary fixtures (UTF-16, GB18030,
// .xlsx workbooks, a zip bomb, a PNG named .csv, JSON and GeoJSON), which are awkward to write by hand.
// Their expected problems are the `.expected.json` files beside them, checked by corpus.test.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

const dir = import.meta.dirname;
const write = (name: string, bytes: Uint8Array | string) => writeFileSync(path.join(dir, name), bytes);

const HEADER = "id,start,title,title_zh,summary,place,place_zh,country,lat,lon,category,organizations,sources";
const ROWS = [
  'e1,2015-05-18,World Education Forum,世界教育论坛,A forum.,Incheon,仁川,kr,37.456,126.7052,conference,unesco,"report.txt: ""held in Incheon"""',
  'e2,2016,Centre founded,中心成立,A centre was founded.,Shenzhen,深圳,cn,22.5431,114.0579,founding,unesco; ichei,"a.txt: ""founded in 2016"""',
];
const CSV = [HEADER, ...ROWS].join("\r\n") + "\r\n";

/** UTF-16 with its byte-order mark, little- or big-endian. */
function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = code & 0xff;
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return bytes;
}

/** GB18030 for ASCII and the two-byte Chinese characters: the decoder's table read backwards (Node has no encoder). */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++)
      if (trail !== 0x7f) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
  return new Uint8Array(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      return bytes;
    }),
  );
}

/** A minimal zip (deflated entries, no CRC: the importer refuses this one before anything checks it). */
function zip(entries: { name: string; data: Uint8Array }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

async function workbook(name: string, fill: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  // A fixed date, so the file changes only when the fixture does.
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  fill(wb);
  write(name, new Uint8Array(await wb.xlsx.writeBuffer()));
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const quote = 'a.txt: "quote"';

write("clean-utf16le.csv", utf16(CSV, false));
write("clean-utf16be.csv", utf16(CSV, true));
write(
  "clean-gb18030.csv",
  gb18030(["编号,开始,标题,中文标题,摘要,地点,中文地名,国家,纬度,经度,类别,机构,来源", ...ROWS].join("\r\n") + "\r\n"),
);
write("binary.csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
// 150 MB of zeros packed into about 150 KB: refused from the zip's directory, never unpacked.
write("zip-bomb.xlsx", zip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(150 * 1024 * 1024) }]));

await workbook("clean.xlsx", (wb) => {
  const events = wb.addWorksheet("events");
  events.addRow(["id", "start", "end", "title", "summary", "place_id", "category", "organizations", "sources"]);
  events.addRow(["e1", day(2015, 5, 18), day(2015, 5, 21), "World Education Forum", "A forum.", "incheon", "conference", "unesco", quote]);
  events.addRow(["e2", 2016, null, "Centre founded", "A centre was founded.", "shenzhen", "founding", "unesco; ichei", quote]);
  events.addRow(["e3", "2020-04", null, "Online launch", "Launched online.", null, "launch", "ichei", quote]);
  // Only the date cells are formatted as dates: 2016 in a date-formatted cell would be day 2016 of 1900.
  events.getCell("B2").numFmt = "yyyy-mm-dd";
  events.getCell("C2").numFmt = "yyyy-mm-dd";
  const places = wb.addWorksheet("places");
  places.addRow(["id", "name", "name_zh", "country", "lat", "lon"]);
  places.addRow(["incheon", "Incheon", "仁川", "kr", 37.456, 126.7052]);
  places.addRow(["shenzhen", "Shenzhen", "深圳", "cn", 22.5431, 114.0579]);
  const organizations = wb.addWorksheet("organizations");
  organizations.addRow(["id", "name", "name_zh"]);
  organizations.addRow(["unesco", "UNESCO", "联合国教科文组织"]);
  organizations.addRow(["ichei", "UNESCO-ICHEI", "联合国教科文组织高等教育创新中心"]);
  const categories = wb.addWorksheet("类别");
  categories.addRow(["编号", "名称"]);
  for (const id of ["conference", "founding", "launch"]) categories.addRow([id, id]);
  wb.addWorksheet("notes").addRow(["Sheets the importer does not know are left alone."]);
});

await workbook("excel-cells.xlsx", (wb) => {
  const events = wb.addWorksheet("events");
  events.addRow(["id", "start", "end", "title", "summary", "category", "sources"]);
  events.addRow(["day-cell", day(2015, 5, 18), null, "A date cell", "Read as a day.", "meeting", quote]);
  events.addRow(["month-cell", day(2015, 5, 1), null, "A month cell", "Its format shows no day.", "meeting", quote]);
  events.getCell("B3").numFmt = "yyyy-mm";
  events.addRow([
    "formula",
    { formula: "B2+3", result: day(2015, 5, 21) },
    null,
    "A formula",
    "Its value is taken, with a warning.",
    "meeting",
    quote,
  ]);
  events.getCell("B4").numFmt = "yyyy-mm-dd";
  events.addRow(["no-value", "2015", { formula: "NOW()" }, "No value", "A formula never computed.", "meeting", quote]);
  events.addRow(["error", "2015", null, { formula: "1/0", result: { error: "#DIV/0!" } }, "An error cell.", "meeting", quote]);
  events.addRow(["backwards", day(2016, 3, 2), day(2016, 3, 1), "Backwards", "Date cells, end before start.", "meeting", quote]);
});

await workbook("no-events-sheet.xlsx", (wb) => {
  wb.addWorksheet("Sheet1").addRow(["id", "title"]);
  wb.addWorksheet("Sheet2").addRow(["id", "name"]);
});

await workbook("unknown-ids.xlsx", (wb) => {
  const events = wb.addWorksheet("events");
  events.addRow(["id", "start", "title", "summary", "place_id", "category", "organizations", "sources"]);
  events.addRow(["e1", "2015", "Unknown ids", "Ids not in the other sheets.", "atlantis", "party", "unesco; acme", quote]);
  const places = wb.addWorksheet("places");
  places.addRow(["id", "name", "name_zh", "country", "lat", "lon"]);
  places.addRow(["paris", "Paris", "巴黎", "fr", 48.8566, 2.3522]);
  places.addRow(["paris", "Paris", "巴黎", "fr", 48.8566, 2.3522]);
  const organizations = wb.addWorksheet("organizations");
  organizations.addRow(["id", "name"]);
  organizations.addRow(["unesco", "UNESCO"]);
  const categories = wb.addWorksheet("categories");
  categories.addRow(["id", "name"]);
  categories.addRow(["meeting", "Meeting"]);
});

const event = (id: string, place?: object) => ({
  id,
  title: `Event ${id}`,
  summary: "A summary.",
  start: "2015-05",
  category: "meeting",
  organizations: ["unesco"],
  sources: [{ document: "a.txt", quote: "quote" }],
  ...place,
});
const incheon = { id: "incheon", name: "Incheon", nameZh: "仁川", country: "kr", lat: 37.456, lon: 126.7052 };
write(
  "clean.geojson",
  JSON.stringify({
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        id: "e1",
        geometry: { type: "Point", coordinates: [126.7052, 37.456] },
        properties: {
          ...event("e1"),
          placeId: "incheon",
          placeName: "Incheon",
          placeNameZh: "仁川",
          country: "kr",
          url: "https://example.org/?event=e1",
        },
      },
      {
        type: "Feature",
        geometry: { type: "Point", coordinates: [126.7052, 37.456] },
        properties: { ...event("e2"), placeId: "incheon", placeName: "Incheon", placeNameZh: "仁川", country: "kr" },
      },
    ],
  }),
);
write(
  "clean-export.json",
  JSON.stringify({
    total: 2,
    matched: 2,
    events: [
      { ...event("e1"), url: "https://example.org/?event=e1", place: incheon, placeCertainty: "stated", dateCertainty: "stated" },
      { ...event("e2"), place: null, dateCertainty: "stated" },
    ],
  }),
);
write(
  "events.json",
  JSON.stringify([event("e1", { place: "incheon", placeCertainty: "stated" }), { ...event("e2"), start: "2015-5" }, event("e1")], null, 2),
);
mkdirSync(path.join(dir, "clean-folder"), { recursive: true });
const folder = (name: string, records: object[]) => writeFileSync(path.join(dir, "clean-folder", name), JSON.stringify(records, null, 2));
folder("events.json", [event("e1", { place: "incheon", placeCertainty: "stated" })]);
folder("places.json", [incheon]);
folder("organizations.json", [{ id: "unesco", name: "UNESCO" }]);
folder("categories.json", [{ id: "meeting", name: "Meeting" }]);
