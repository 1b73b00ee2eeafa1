import { NextResponse } from "next/server";
import { dataHealth } from "@/lib/store";
import { formatProblem } from "@/lib/validate";

/** 200 while the files on disk are the version being served; 503 naming file › record › field otherwise. */
export async function GET() {
  const { version, problems } = await dataHealth();
  const ok = version !== null && problems.length === 0;
  return NextResponse.json(
    { ok, version, problems: problems.map(formatProblem) },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
