/**
 * The modules the build puts in its one `patternfly` chunk (webpack.config.ts), and that `npm run bench`
 * counts as PatternFly: PatternFly itself and what its modules import at run time that console does not
 * share with plugins (tslib, React's JSX runtime, lodash, focus-trap and tabbable, and our react-dom
 * shim, which the build substitutes for react-dom).
 */
const PATTERNFLY_AND_ITS_RUNTIME =
  /\/node_modules\/(@patternfly|tslib|lodash|focus-trap|tabbable)\/|\/node_modules\/react\/(cjs\/react-)?jsx-runtime\.|\/src\/shims\//;

/** `path` is a module's resource path, as webpack's `module.nameForCondition()` gives it. */
export const isPatternflyOrItsRuntime = (path: string | null | undefined): boolean =>
  typeof path === 'string' && PATTERNFLY_AND_ITS_RUNTIME.test(path.replace(/\\/g, '/'));
