/** What a view is: a route in, the DOM to show out, and a hook for what needs it on screen. */
import type { Child } from './dom';

export interface Rendered {
  readonly content: Child[];
  /** Runs once the content is in the document (a drawing needs its container's size). */
  mounted?(): void;
  /** Runs when the reader leaves the view. */
  dispose?(): void;
}

/** A view may be left before it has loaded: `signal` aborts then, and what it returns is dropped. */
export type View<R> = (route: R, signal: AbortSignal) => Promise<Child[] | Rendered>;
