// CSS imports (ours and PatternFly's CJS build) are irrelevant in jsdom.
module.exports = {};
