// A client-only app: no server renders pages, everything runs in the browser.
export const ssr = false;
export const prerender = false;
