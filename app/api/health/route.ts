import { NextResponse } from "next/server";
import { publicProblems } from "@/lib/data/public-problems";
import { dataDir, dataHealth } from "@/lib/data/store";

/** 200 while the files on disk are the version being served; 503 naming file › record › field otherwise. */
export async function GET() {
  const { version, problems } = await dataHealth();
  const ok = version !== null && problems.length === 0;
  return NextResponse.json(
    { ok, version, problems: publicProblems(dataDir(), problems) },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
