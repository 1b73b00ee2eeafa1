import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { previews } from "./preview-cache";
import { GET } from "./route";

describe("/og and a client that leaves", () => {
  it("draws nothing for a request already aborted, and answers without an error", async () => {
    const before = previews.stats();
    const response = await GET(new NextRequest("http://localhost/og?city=shanghai&q=left", { signal: AbortSignal.abort() }));
    expect(response.status).toBe(499);
    expect(previews.stats()).toEqual({ ...before, active: 0, queued: 0 });
  });

  it("draws nothing for a client that leaves while the data loads, and the image for one that stays", async () => {
    const leaving = new AbortController();
    const left = GET(new NextRequest("http://localhost/og?city=shanghai&q=abandoned", { signal: leaving.signal }));
    leaving.abort();
    expect((await left).status).toBe(499);
    const stayed = await GET(new NextRequest("http://localhost/og?city=shanghai&q=abandoned"));
    expect(stayed.status).toBe(200);
    expect(stayed.headers.get("content-type")).toBe("image/png");
  });
});
