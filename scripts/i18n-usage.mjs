/**
 * Finds every translation key the code uses by walking its syntax, independently of i18next-parser,
 * whose lexers lose some calls (a t() nested in another t()'s options) and derive `<Trans>` keys from
 * children differently from react-i18next at run time. scripts/i18n.mjs fails when a key found here
 * is not in the catalog the parser writes.
 *
 * The rules that keep every key visible:
 * - t() is called with a literal key (a string, or a template without substitutions);
 * - `<Trans>` takes a literal `i18nKey` and no children (markup comes from `components`);
 * - a translate function is named `t` wherever it is passed on (a parameter typed Translate or
 *   TFunction), so that every call through it is seen;
 * - views get `t` from usePluginTranslation, never from react-i18next's useTranslation directly.
 */
import ts from 'typescript';

/** The only file allowed to call react-i18next's useTranslation. */
const HOOK_FILE = 'src/views/shared/usePluginTranslation.ts';

/** Types of a translate function; a value of these types must be named `t`. */
const TRANSLATE_TYPES = new Set(['Translate', 'TFunction']);

/**
 * @typedef {{ key: string, plural: boolean, where: string }} KeyUsage
 * @typedef {{ usages: KeyUsage[], problems: string[] }} ScanResult
 */

/** @param {ts.Expression} callee */
const isTranslateCall = (callee) =>
  (ts.isIdentifier(callee) && callee.text === 't') ||
  (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');

/** @param {ts.Node | undefined} node */
const literalText = (node) =>
  node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined;

/** @param {ts.Expression | undefined} options a t() call's options: plural when it has a count */
const hasCount = (options) =>
  options !== undefined &&
  ts.isObjectLiteralExpression(options) &&
  options.properties.some(
    (p) =>
      (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
      ts.isIdentifier(p.name) &&
      p.name.text === 'count',
  );

/** @param {ts.JsxOpeningLikeElement} element @param {string} name */
const attribute = (element, name) =>
  element.attributes.properties.find(
    (p) => ts.isJsxAttribute(p) && ts.isIdentifier(p.name) && p.name.text === name,
  );

/** @param {ts.JsxAttribute | undefined} attr the literal value of `name="…"` or `name={'…'}` */
const attributeText = (attr) => {
  const init = attr?.initializer;
  if (init === undefined) return undefined;
  if (ts.isStringLiteral(init)) return init.text;
  return ts.isJsxExpression(init) ? literalText(init.expression) : undefined;
};

/**
 * @param {string} file path relative to the repository root, for messages
 * @param {string} text the file's source
 * @returns {ScanResult}
 */
export const scanSource = (file, text) => {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  /** @type {KeyUsage[]} */
  const usages = [];
  /** @type {string[]} */
  const problems = [];
  /** @param {ts.Node} node */
  const where = (node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return `${file}:${String(line + 1)}`;
  };

  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isCallExpression(node) && isTranslateCall(node.expression)) {
      const [keyArgument, options] = node.arguments;
      const key = literalText(keyArgument);
      if (key === undefined) {
        problems.push(
          `${where(node)}: t() needs a literal key; word codes with a switch of literal t() calls`,
        );
      } else {
        usages.push({ key, plural: hasCount(options), where: where(node) });
      }
    } else if (
      (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) &&
      (ts.isJsxElement(node) ? node.openingElement : node).tagName.getText(source) === 'Trans'
    ) {
      const element = ts.isJsxElement(node) ? node.openingElement : node;
      const key = attributeText(attribute(element, 'i18nKey'));
      if (key === undefined) {
        problems.push(`${where(node)}: <Trans> needs a literal i18nKey`);
      } else {
        usages.push({
          key,
          plural: attribute(element, 'count') !== undefined,
          where: where(node),
        });
      }
      if (ts.isJsxElement(node) && node.children.some((c) => !ts.isJsxText(c) || c.text.trim())) {
        problems.push(
          `${where(node)}: <Trans> takes no children (their key differs between i18next-parser and react-i18next); give its markup with components`,
        );
      }
    } else if (
      ts.isImportDeclaration(node) &&
      literalText(node.moduleSpecifier) === 'react-i18next' &&
      file !== HOOK_FILE &&
      node.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(node.importClause.namedBindings) &&
      node.importClause.namedBindings.elements.some(
        (e) => (e.propertyName ?? e.name).text === 'useTranslation',
      )
    ) {
      problems.push(`${where(node)}: use usePluginTranslation (${HOOK_FILE}), not useTranslation`);
    } else if (
      (ts.isParameter(node) || ts.isVariableDeclaration(node)) &&
      node.type !== undefined &&
      ts.isTypeReferenceNode(node.type) &&
      TRANSLATE_TYPES.has(node.type.typeName.getText(source)) &&
      !(ts.isIdentifier(node.name) && node.name.text === 't')
    ) {
      problems.push(`${where(node)}: name a translate function t, so that its calls are checked`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { usages, problems };
};
