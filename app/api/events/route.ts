import { NextResponse, type NextRequest } from "next/server";
import { parseQuery } from "@/lib/query";
import { DatasetError, getStore } from "@/lib/store";
import { publicProblems } from "@/lib/public-problems";
import { renderExport } from "@/lib/export/render";

export async function GET(request: NextRequest) {
  let store;
  try {
    store = await getStore();
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    return NextResponse.json({ error: "The dataset could not be loaded", problems: publicProblems(error.dir, error.problems) }, { status: 503 });
  }
  const params = request.nextUrl.searchParams;
  const { query, issues } = parseQuery(params, store.vocabulary);
  const format = params.get("format") ?? "json";
  return renderExport(format, store.match(query), store.index, query, issues);
}
