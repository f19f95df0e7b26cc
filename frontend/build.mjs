// Copy the front-end packages the pages use from node_modules into static files.
// Run by `make run` / `make test` after `npm ci`; nothing is fetched at run time.
import { copyFileSync, mkdirSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "frontend", "static", "vendor");

// [package file, name under static/vendor/]
const files = [
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  // The coding puzzles: Blockly core (our maze blocks are our own), its
  // keyboard navigation plugin and Blockly's messages in the four languages.
  ["blockly/blockly_compressed.js", "blockly/blockly_compressed.js"],
  ["blockly/msg/nl.js", "blockly/msg/nl.js"],
  ["blockly/msg/fr.js", "blockly/msg/fr.js"],
  ["blockly/msg/de.js", "blockly/msg/de.js"],
  ["blockly/msg/en.js", "blockly/msg/en.js"],
  ["@blockly/keyboard-navigation/dist/index.js", "blockly/keyboard-navigation.js"],
  // H5P core for the player origin (courses/h5p/views.py serves these under
  // /h5p/assets/): jQuery + H5P core in one bundle, its stylesheet, icon fonts
  // and images. main.bundle.js (the loader, which fetches JSON) is not used:
  // the server writes H5PIntegration and the player's CSP forbids fetching.
  ["h5p-standalone/dist/frame.bundle.js", "h5p-standalone/frame.bundle.js"],
  ["h5p-standalone/dist/styles/h5p.css", "h5p-standalone/styles/h5p.css"],
  ["h5p-standalone/dist/images/throbber.gif", "h5p-standalone/images/throbber.gif"],
  ["h5p-standalone/dist/images/h5p.svg", "h5p-standalone/images/h5p.svg"],
  ...["", "inter/", "open-sans/"].flatMap((folder) =>
    readdirSync(join(root, "node_modules", "h5p-standalone", "dist", "fonts", folder))
      .filter((name) => /\.woff2?$/.test(name))
      .map((name) => [
        `h5p-standalone/dist/fonts/${folder}${name}`,
        `h5p-standalone/fonts/${folder}${name}`,
      ]),
  ),
  // The fund officer's dashboard charts (each with a data table alternative).
  ["chart.js/dist/chart.umd.min.js", "chartjs/chart.umd.js"],
];

for (const [source, name] of files) {
  const from = join(root, "node_modules", source);
  if (!existsSync(from)) {
    console.error(`missing ${from}: run "npm ci --ignore-scripts" first`);
    process.exit(1);
  }
  const to = join(target, name);
  mkdirSync(dirname(to), { recursive: true });
  if (to.endsWith(".js")) {
    // Source maps are not copied: a dangling sourceMappingURL would make
    // collectstatic's manifest step fail.
    const code = readFileSync(from, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
    writeFileSync(to, code);
  } else {
    copyFileSync(from, to);
  }
}
console.log(`copied ${files.length} front-end file(s) into frontend/static/vendor/`);
