import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { translator } from "./translator";
import { uiText } from "./ui";

/** Every leaf key of a catalogue, dotted: "count.events". */
function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** `{name}` arguments a message uses (ICU plural bodies included), so a translation cannot drop one. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();
}

describe("message catalogues", () => {
  it("have the same keys in English and Chinese", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("use the same arguments in both languages", () => {
    const lookup = (messages: object, key: string) =>
      key.split(".").reduce<unknown>((m, k) => (m as Record<string, unknown>)[k], messages) as string;
    for (const key of keys(en)) expect(argumentsOf(lookup(zh, key)), key).toEqual(argumentsOf(lookup(en, key)));
  });

  it("format plurals and numbers with ICU", () => {
    expect(translator("en")("count.events", { count: 1 })).toBe("1 event");
    expect(translator("en")("count.events", { count: 16622 })).toBe("16,622 events");
    expect(translator("zh")("count.events", { count: 16622 })).toBe("16,622 个事件");
  });

  it("give the browser plural templates, one per category of the language", () => {
    expect(uiText("en").counts.events).toEqual({ one: "# event", other: "# events" });
    expect(uiText("zh").counts.events).toEqual({ other: "# 个事件" });
    expect(uiText("zh").counts.matchedOf).toEqual({ other: "# 个事件中的 {matched} 个" });
  });
});
