// Every relative link in README.md and docs/ points to a file that exists and, with a #fragment,
// to a heading that exists there (GitHub's anchors), so moving a section cannot strand a link.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname ?? ".", "..");

/** Markdown outside fenced code blocks and inline code spans, where links and headings live. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a Markdown file's headings, repeated ones numbered as GitHub numbers them. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const [, text] of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** Broken relative links of the Markdown file at `file` (a path under ROOT), as "target: why". */
export function brokenLinks(file: string, markdown: string, read = (path: string) => readFileSync(path, "utf8")): string[] {
  const broken: string[] = [];
  for (const [, raw] of prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) continue; // https:, mailto:, ...
    const [path, fragment] = raw.split("#", 2) as [string, string | undefined];
    const target = path ? resolve(dirname(file), decodeURI(path)) : file;
    if (path && !existsSync(target)) {
      broken.push(`${raw}: no such file ${relative(ROOT, target)}`);
      continue;
    }
    if (fragment === undefined) continue;
    if (!target.endsWith(".md") || statSync(target).isDirectory()) {
      broken.push(`${raw}: an anchor into a file that is not Markdown`);
      continue;
    }
    const text = target === file ? markdown : read(target);
    if (!anchors(text).has(fragment.toLowerCase())) broken.push(`${raw}: no heading #${fragment} in ${relative(ROOT, target)}`);
  }
  return broken;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : []);
}

describe("links in the documentation", () => {
  const files = [join(ROOT, "README.md"), ...markdownFiles(join(ROOT, "docs"))];

  it("resolve: every relative link names a file that exists, and every #anchor a heading in it", () => {
    const broken = files.flatMap((file) =>
      brokenLinks(file, readFileSync(file, "utf8")).map((b) => `${relative(ROOT, file)}: ${b}`));
    expect(broken).toEqual([]);
    expect(files.length).toBeGreaterThan(5);
  });

  it("are judged as GitHub renders them", () => {
    const file = join(ROOT, "README.md");
    const sample = [
      "# Run it", "## With the Supabase CLI and Docker (`supabase start`)", "## Notes", "## Notes",
      "[ok](#run-it) [ok](#with-the-supabase-cli-and-docker-supabase-start) [ok](#notes-1) [ok](docs/api.md)",
      "[ok](https://example.com/#nowhere) `[code](nowhere.md)`",
      "```", "[fenced](nowhere.md)", "```",
      "[bad](#notes-2) [bad](docs/nowhere.md) [bad](docs/api.md#no-such-heading)",
    ].join("\n");
    expect(brokenLinks(file, sample)).toEqual([
      "#notes-2: no heading #notes-2 in README.md",
      "docs/nowhere.md: no such file docs/nowhere.md",
      "docs/api.md#no-such-heading: no heading #no-such-heading in docs/api.md",
    ]);
  });
});
