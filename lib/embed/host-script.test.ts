import { describe, expect, it } from "vitest";
import { HOST_SCRIPT } from "./host-script";
import { heightMessage, viewMessage } from "./protocol";

/** The host page as the script sees it: two iframes, one of this site's embeds and one of another site. */
function hostPage() {
  const frame = (src: string) => {
    const events: { type: string; detail: unknown }[] = [];
    return {
      src,
      height: "600",
      style: { height: "600px" },
      contentWindow: { name: src },
      events,
      dispatchEvent: (event: { type: string; detail: unknown }) => events.push({ type: event.type, detail: event.detail }),
    };
  };
  const ours = frame("https://site.example/embed?city=shanghai");
  const theirs = frame("https://other.example/widget");
  let listener: (event: { data: unknown; source: unknown }) => void = () => {};
  const window = { addEventListener: (_type: string, fn: typeof listener) => (listener = fn) };
  const document = {
    currentScript: { src: "https://site.example/embed.js" },
    getElementsByTagName: () => [ours, theirs],
  };
  class CustomEvent {
    constructor(
      public type: string,
      public init: { detail: unknown },
    ) {}
    get detail() {
      return this.init.detail;
    }
  }
  new Function("window", "document", "location", "CustomEvent", HOST_SCRIPT)(
    window,
    document,
    { href: "https://news.example/a" },
    CustomEvent,
  );
  return { ours, theirs, send: (data: unknown, source: unknown) => listener({ data, source }) };
}

describe("/embed.js on a host page", () => {
  it("fits this site's frames to the height they report, and re-announces their view on the iframe", () => {
    const page = hostPage();
    page.send(heightMessage(812), page.ours.contentWindow);
    expect(page.ours.style.height).toBe("812px");
    page.send(viewMessage("https://site.example/?city=beijing"), page.ours.contentWindow);
    expect(page.ours.events).toEqual([{ type: "edu-coop-timeline:view", detail: { url: "https://site.example/?city=beijing" } }]);
  });

  it("leaves other sites' frames, unknown windows and malformed messages alone", () => {
    const page = hostPage();
    page.send(heightMessage(812), page.theirs.contentWindow);
    page.send(heightMessage(812), { name: "a popup" });
    page.send({ ...heightMessage(812), v: 2 }, page.ours.contentWindow);
    page.send({ type: "edu-coop-timeline:height", v: 1, height: "812px" }, page.ours.contentWindow);
    page.send({ type: "edu-coop-timeline:height", v: 1, height: 1e9 }, page.ours.contentWindow);
    expect(page.ours.style.height).toBe("600px");
    expect(page.theirs.style.height).toBe("600px");
  });
});
