// Builds the web UI into ../src/eventwire/serve/static/ (served by `eventwire serve`).
// Everything third-party comes from node_modules (package-lock.json pins it); nothing is fetched at run time.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "eventwire", "serve", "static");
const nm = join(here, "node_modules");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "swagger"), { recursive: true });
mkdirSync(join(out, "leaflet"), { recursive: true });

await build({
  entryPoints: [join(here, "src", "app.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome110", "firefox110", "safari16"],
  outfile: join(out, "app.js"),
  legalComments: "linked",
  logLevel: "warning",
});

for (const f of ["index.html", "style.css", "docs.html", "docs.js", "ui-favicon.svg"]) {
  cpSync(join(here, "src", f), join(out, f));
}
cpSync(join(nm, "leaflet", "dist", "leaflet.css"), join(out, "leaflet", "leaflet.css"));
cpSync(join(nm, "leaflet", "dist", "images"), join(out, "leaflet", "images"), { recursive: true });
cpSync(join(nm, "world-atlas", "countries-50m.json"), join(out, "countries-50m.json"));
for (const f of ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"]) {
  cpSync(join(nm, "swagger-ui-dist", f), join(out, "swagger", f));
}

const credits = ["leaflet", "d3-axis", "d3-brush", "d3-scale", "d3-selection", "topojson-client", "world-atlas",
  "swagger-ui-dist", "i18n-iso-countries"].map((name) => {
  const pkg = JSON.parse(readFileSync(join(nm, name, "package.json"), "utf8"));
  return `${name} ${pkg.version} (${pkg.license})`;
});
writeFileSync(join(out, "THIRD-PARTY.txt"),
  "Built by web/build.mjs from npm packages (see web/package-lock.json):\n" + credits.join("\n") +
  "\nCountry boundaries: Natural Earth (public domain) via world-atlas.\n");
console.log(`built web UI into ${out}`);
