// Bundles the studio's page script and style into dsl/studio/static, the same bytes on
// every machine: no timestamps, no source maps, a fixed target, sorted inputs.
import { build } from "esbuild";

const common = {
  bundle: true,
  minify: true,
  legalComments: "none",
  target: ["es2020"],
  logLevel: "warning",
  charset: "utf8",
};

await build({
  ...common,
  entryPoints: ["src/main.js"],
  outfile: "../dsl/studio/static/studio.js",
  format: "iife",
});
await build({
  ...common,
  entryPoints: ["src/studio.css"],
  outfile: "../dsl/studio/static/studio.css",
});
