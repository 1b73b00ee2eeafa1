/** The reader asks for reduced motion: no animated moves, no playback that starts by itself. */
export const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;
