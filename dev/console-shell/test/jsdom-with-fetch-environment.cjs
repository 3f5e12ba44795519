// jsdom test environment for specs that render hooks against the cluster simulator (test/sim-cluster.ts):
// - Node's fetch API, which jsdom lacks (browsers running console have it);
// - structuredClone, which jsdom lacks and the simulator's store uses;
// - Node export conditions, so that the `ws` package the simulator and the shell use resolves to its
//   Node build (its browser build only throws).
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.customExportConditions = ['node', 'node-addons'];
    Object.assign(this.global, {
      fetch,
      Request,
      Response,
      Headers,
      AbortController,
      structuredClone,
    });
  }
}

module.exports = JsdomWithFetchEnvironment;
