// Writes interview.html, the second build's page (README, "Two builds"):
// index.html with the `interview` feature on and the interview pages'
// stylesheets, so the two never drift apart. `make build` runs it before
// Trunk builds the page; the file is not committed.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const html = readFileSync(join(root, "index.html"), "utf8");
const rust = '<link data-trunk rel="rust"';
if (!html.includes(rust)) {
  console.error("interview-html: index.html has no Trunk rust link");
  process.exit(1);
}
const sheets = ["src/pages/sheet.css", "src/pages/interview/interview.css"]
  .map((href) => `<link data-trunk rel="css" href="${href}" />\n    `)
  .join("");
writeFileSync(
  join(root, "interview.html"),
  html.replace(rust, `${sheets}${rust} data-cargo-features="interview"`),
);
