import { useEffect, useState, type MouseEvent, type ReactNode } from "react";

// ---- routing: paths under the page's base (/settings/developer/ locally) ----

const BASE = import.meta.env.BASE_URL.replace(/\/$/, "");
const routeOf = () => location.pathname.slice(BASE.length).replace(/^\/|\/$/g, "");

export function navigate(path: string) {
  history.pushState(null, "", `${BASE}/${path}`);
  dispatchEvent(new PopStateEvent("popstate"));
}

export function useRoute(): string {
  const [route, setRoute] = useState(routeOf);
  useEffect(() => {
    const on = () => setRoute(routeOf());
    addEventListener("popstate", on);
    return () => removeEventListener("popstate", on);
  }, []);
  return route;
}

/** An in-page link: a real <a href> (opens in a new tab too), followed without a reload. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode; "aria-current"?: "page" }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={`${BASE}/${to}`} onClick={click} {...rest}>{children}</a>;
}

