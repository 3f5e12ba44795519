// jsdom test environment for specs that render hooks against the in-test fake API server:
// - Node's fetch API, which jsdom lacks (browsers running console have it);
// - Node export conditions, so that the fake server's `ws` package resolves to its Node build
//   (its browser build only throws).
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.customExportConditions = ['node', 'node-addons'];
    Object.assign(this.global, { fetch, Request, Response, Headers, AbortController });
  }
}

module.exports = JsdomWithFetchEnvironment;
