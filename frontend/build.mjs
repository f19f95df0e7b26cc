// Copy the front-end packages the pages use from node_modules into static files.
// Run by `make run` / `make test` after `npm ci`; nothing is fetched at run time.
import { copyFileSync, mkdirSync, existsSync, readFileSync, writeFileSync } from "node:fs";
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
