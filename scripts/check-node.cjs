/**
 * Stops npm (install, ci, dev, start, build, test: the `pre*` scripts of package.json) on a
 * Node.js older than package.json's `engines.node`, with one line naming the Node it needs and how
 * to get it. Plain CommonJS with no dependencies and old syntax, so it runs on any Node that npm
 * itself runs on (a newer syntax would fail with a stack trace instead of this line).
 */
"use strict";
var path = require("path");

/** "v22.12.3" or ">=22.12" → [22, 12, 3] (missing parts are 0). */
function parts(version) {
  var match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version) || [];
  return [Number(match[1] || 0), Number(match[2] || 0), Number(match[3] || 0)];
}

/**
 * The one-line message when Node `version` (e.g. "v20.20.2") is older than the `>=x.y.z` range
 * `wanted`, else null.
 */
function nodeVersionProblem(version, wanted) {
  var need = parts(wanted);
  var have = parts(version);
  var i = 0;
  while (i < 3 && have[i] === need[i]) i++;
  if (i === 3 || have[i] > need[i]) return null;
  return (
    "✖ This project needs Node.js " +
    wanted +
    " (Node 24 LTS recommended); this is " +
    version +
    ". Run `nvm install` (it reads .nvmrc) or get Node 24 from https://nodejs.org, then run npm again."
  );
}

module.exports = { nodeVersionProblem: nodeVersionProblem };

if (require.main === module) {
  var wanted = require(path.join(__dirname, "..", "package.json")).engines.node;
  var problem = nodeVersionProblem(process.version, wanted);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
