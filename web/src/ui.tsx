// Small pieces every page uses: API errors shown where they happened, a secret shown once, a
// confirmation dialog, dates.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { ApiError } from "./api.ts";

/** An API error next to the control that caused it, with the request id to quote to support. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <p role="alert" className="error">
      {e ? e.error : (error as Error).message ?? String(error)}
      {e?.requestId && <span className="request-id"> Request id: <code>{e.requestId}</code></span>}
    </p>
  );
}

/**
 * A copy button with its outcome said aloud (a polite live region). `name` is the button's
 * accessible name when its visible text ("Copy") alone would not say what it copies.
 */
export function CopyButton({ text, name }: { text: string; name?: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <>
      <button type="button" onClick={copy} aria-label={name}>Copy</button>
      <span aria-live="polite" className="hint">
        {copied === "yes" ? "Copied to the clipboard." : copied === "no" ? "Copy failed: select the text and copy it yourself." : ""}
      </span>
    </>
  );
}

/** A secret shown exactly once, with a copy button. */
export function SecretOnce({ title, label, secret, children, onDone }: {
  title: string;
  label: string;
  secret: string;
  children?: ReactNode;
  onDone: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="secret" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} tabIndex={-1} ref={heading}>{title}</h3>
      <p className="warning"><strong>Copy it now: you will not see this again.</strong></p>
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} className="mono" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={secret} />
      </div>
      {children}
      <button type="button" onClick={onDone}>Done</button>
    </section>
  );
}

/** A modal confirmation (the native <dialog>: focus is kept inside, Escape cancels). */
export function Confirm({ open, title, children, confirmLabel, onConfirm, onCancel, busy, error }: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: unknown;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={`${id}-t`} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h3 id={`${id}-t`}>{title}</h3>
      {children}
      <ErrorNote error={error} />
      <div className="row">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>{confirmLabel}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </dialog>
  );
}

export const when = (iso: string | null | undefined, never = "never") =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : never;

/** An async action's state: busy while it runs, its error until the next run. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}
