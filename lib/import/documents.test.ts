import { describe, expect, it } from "vitest";
import { describeDocuments } from "./documents";
import { importFiles } from "./import";

const DOCUMENT = "The forum was held in Qingdao on 18 May 2015, with ministers from 100 countries.";
const csv = (sources: string) =>
  [
    "id,start,title,summary,category,organizations,sources",
    `a,2015-05-18,Forum,A forum.,conference,unesco,"report.txt: ""held in Qingdao on 18 May 2015"""`,
    `b,2015-05-19,Other,Another.,conference,unesco,"${sources}"`,
  ].join("\n");

const importWith = (text: string) =>
  importFiles([{ name: "events.csv", bytes: new TextEncoder().encode(text) }], {
    documents: describeDocuments([{ file: "report.txt", text: DOCUMENT }]),
  });

describe("quotes checked against the documents given", () => {
  it("describes a document from its file name, and keeps sources.json in the dataset when every quote is found", async () => {
    const { dataset, problems } = await importWith(csv(`report.txt: ""ministers from 100 countries""`));
    expect(problems).toEqual([]);
    expect(dataset!.sources).toEqual([
      expect.objectContaining({ id: "report", file: "report.txt", titleSource: "supplied", language: ["und"] }),
    ]);
  });

  it("names the sheet, row and column of a quote not found and of an unknown document, once each", async () => {
    const { dataset, problems } = await importWith(csv(`report.txt: ""ministers of 100 countries"" | reprot2.txt: ""held""`));
    expect(dataset).toBeNull();
    expect(
      problems.map(({ severity, sheet, row, column, columnLetter, value, code }) => ({
        severity,
        sheet,
        row,
        column,
        columnLetter,
        value,
        code,
      })),
    ).toEqual([
      {
        severity: "error",
        sheet: "events",
        row: 3,
        column: "sources",
        columnLetter: "G",
        value: "ministers of 100 countries",
        code: "quote-not-found",
      },
      { severity: "error", sheet: "events", row: 3, column: "sources", columnLetter: "G", value: "reprot2.txt", code: "unknown-document" },
    ]);
    expect(problems[0].messageZh).toMatch(/report\.txt/);
    expect(problems[1].suggestion).toBe("Did you mean report.txt?");
  });

  it("keeps an entry of an existing sources.json as written and gives a new document an id of its own", () => {
    const kept = { id: "report", file: "report.txt", title: "A report", titleSource: "document", language: ["en"] };
    const { list } = describeDocuments(
      [
        { file: "report.txt", text: "" },
        { file: "Report.TXT", text: "" },
      ],
      [kept, { id: "broken" }],
    );
    expect(list).toEqual([kept, expect.objectContaining({ id: "report-2", file: "Report.TXT" })]);
  });
});
