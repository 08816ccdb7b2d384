// Runs before anything is installed (`npm start`, `npm test`), so it is plain CommonJS that any
// Node can parse, and says in one line what to do when this Node is older than package.json asks.
"use strict";
const path = require("node:path");

function nodeProblem(version, range) {
  const wanted = /^>=\s*(\d+)\.(\d+)/.exec(range);
  if (!wanted) return null;
  const have = version.split(".").map(Number);
  const [major, minor] = [Number(wanted[1]), Number(wanted[2])];
  if (have[0] > major || (have[0] === major && have[1] >= minor)) return null;
  return (
    "Node " +
    version +
    " is too old: Cadence needs Node " +
    range +
    ". Install a current LTS " +
    "(https://nodejs.org, or `nvm install --lts`) and run npm start again."
  );
}

const engines = require(path.join(__dirname, "..", "package.json")).engines.node;
module.exports = { nodeProblem: nodeProblem, engines: engines };

if (require.main === module) {
  const problem = nodeProblem(process.versions.node, engines);
  if (problem) {
    console.error("[cadence] " + problem);
    process.exit(1);
  }
}
