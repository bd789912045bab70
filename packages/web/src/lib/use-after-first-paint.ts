import { startTransition, useEffect, useState } from "react";

/**
 * False for a component's first render, then true in a transition started once that render is
 * committed: what is gated on it renders after the first paint, in time slices that let the
 * browser paint the first render meanwhile (React yields to the browser during a transition).
 * For a page whose useful content is cheap (the editor's native-input rows) beside heavy
 * controls: the content paints first, the controls follow without blocking it.
 */
export function useAfterFirstPaint(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    startTransition(() => setDone(true));
  }, []);
  return done;
}
