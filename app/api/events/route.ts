import { NextResponse, type NextRequest } from "next/server";
import { filterEvents } from "@/lib/filter";
import { DatasetError, loadDataset } from "@/lib/load";
import { parseQuery } from "@/lib/query";
import { vocabularyOf } from "@/lib/vocabulary";
import { publicProblems } from "@/lib/public-problems";
import { renderExport } from "@/lib/export/render";

export async function GET(request: NextRequest) {
  let index;
  try {
    index = await loadDataset();
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    return NextResponse.json({ error: "The dataset could not be loaded", problems: publicProblems(error.dir, error.problems) }, { status: 503 });
  }
  const params = request.nextUrl.searchParams;
  const { query, issues } = parseQuery(params, vocabularyOf(index));
  const format = params.get("format") ?? "json";
  return renderExport(format, filterEvents(index, query), index, query, issues);
}
