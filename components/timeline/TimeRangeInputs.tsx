"use client";
import { useState, type KeyboardEvent } from "react";
import { isPartialDate, type TimeWindow } from "@/lib/core/time-window";
import { withinData, type Range } from "@/lib/timeline/scrub-outcome";
import { useViewContext } from "../dashboard/ViewContext";

const asDate = (typed: string) => (isPartialDate(typed.trim()) ? typed.trim() : null);

/**
 * The time window by keyboard: two date fields in the timeline's bar, showing the URL's window
 * exactly as it filters ("2020", "2019-04", "2019-04-15"), never rounded to years. A date takes
 * effect on Enter or when the field is left; an empty field opens that side; a date outside the data
 * becomes its first or last period. Loaded with the timeline, not before. While playback shows a
 * frame ahead of the URL (`frame`), the fields show that frame.
 */
export function TimeRangeInputs({ extent, frame = null }: { extent: TimeWindow | null; frame?: Range | null }) {
  const { query: urlQuery, setView, text } = useViewContext();
  const query = frame ?? urlQuery;
  const shown = { from: query.from ?? "", to: query.to ?? "" };
  // What is typed, until it is committed; a new URL (a drag, a chip removed) shows its own years.
  const [typed, setTyped] = useState<{ for: string; from: string; to: string } | null>(null);
  const key = `${query.from}|${query.to}`;
  const values = typed?.for === key ? typed : { for: key, ...shown };
  const first = extent ? new Date(extent.startMs).getUTCFullYear() : undefined;
  const last = extent ? new Date(extent.endMs - 1).getUTCFullYear() : undefined;

  const commit = () => {
    if (values.from === shown.from && values.to === shown.to) return;
    const from = values.from.trim() === "" ? null : asDate(values.from);
    const to = values.to.trim() === "" ? null : asDate(values.to);
    // A field that is not a date is not applied: it shows the URL's date again.
    if ((values.from.trim() !== "" && !from) || (values.to.trim() !== "" && !to)) return setTyped(null);
    setTyped(null);
    setView(withinData({ from, to }, extent));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commit();
    }
  };
  const field = (side: "from" | "to") => (
    <label>
      <span className="visually-hidden">{text.panels.range[side]}</span>
      <input
        type="text"
        pattern={"\\d{4}(-\\d{2}){0,2}"}
        title={text.panels.range.hint}
        size={10}
        placeholder={String((side === "from" ? first : last) ?? "")}
        value={values[side]}
        onChange={(e) => setTyped({ ...values, [side]: e.target.value })}
        onKeyDown={onKeyDown}
        // Moving between the two fields is not leaving them: commit when focus leaves the pair.
        onBlur={(e) => e.currentTarget.closest(".tl-range")?.contains(e.relatedTarget) || commit()}
      />
    </label>
  );
  return (
    <div className="tl-range" role="group" aria-label={text.panels.range.label}>
      <span aria-hidden="true">{text.panels.range.label}</span>
      {field("from")}
      <span aria-hidden="true">–</span>
      {field("to")}
    </div>
  );
}

export default TimeRangeInputs;
