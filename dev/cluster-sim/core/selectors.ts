/**
 * Label selectors in both forms Kubernetes uses: the query-string form of `?labelSelector=` (parsed with
 * the apimachinery grammar) and the LabelSelector object of pool specs. Also `?fieldSelector=`.
 */
import type { LabelSelector } from './kube-types';

type LabelOperator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!exists';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/** Thrown for a selector that does not parse; the API answers 400 BadRequest with its message. */
export class SelectorError extends Error {}

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const checkKey = (key: string): string => {
  if (!LABEL_KEY.test(key))
    throw new SelectorError(`unable to parse requirement: invalid label key "${key}"`);
  return key;
};

const checkValue = (value: string): string => {
  if (!LABEL_VALUE.test(value) || value.length > 63) {
    throw new SelectorError(`unable to parse requirement: invalid label value: "${value}"`);
  }
  return value;
};

/** Splits on commas that are not inside a `( … )` value set. */
const splitTopLevel = (text: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
};

const SET_REQUIREMENT = /^([^\s!=()]+)\s+(in|notin)\s*\(([^()]*)\)$/;
const EQUALITY_REQUIREMENT = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/;

const parseRequirement = (text: string): LabelRequirement => {
  const trimmed = text.trim();
  const set = SET_REQUIREMENT.exec(trimmed);
  if (set) {
    const values = set[3]
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .map(checkValue);
    return { key: checkKey(set[1]), operator: set[2] as 'in' | 'notin', values };
  }
  const equality = EQUALITY_REQUIREMENT.exec(trimmed);
  if (equality) {
    const operator = equality[2] === '!=' ? '!=' : '=';
    return { key: checkKey(equality[1]), operator, values: [checkValue(equality[3])] };
  }
  if (trimmed.startsWith('!')) {
    return { key: checkKey(trimmed.slice(1).trim()), operator: '!exists', values: [] };
  }
  if (trimmed !== '' && !/[\s=()!]/.test(trimmed)) {
    return { key: checkKey(trimmed), operator: 'exists', values: [] };
  }
  throw new SelectorError(
    `unable to parse requirement: found '${trimmed}', expected: a requirement`,
  );
};

/** Parses `a=b,c!=d,e in (f,g),h notin (i),j,!k`. An empty string selects everything. */
export const parseLabelSelector = (text: string): LabelRequirement[] =>
  text.trim() === '' ? [] : splitTopLevel(text).map(parseRequirement);

const matchesRequirement = (
  labels: Record<string, string>,
  { key, operator, values }: LabelRequirement,
): boolean => {
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  const value = labels[key];
  switch (operator) {
    case '=':
      return has && value === values[0];
    case '!=':
      return !has || value !== values[0];
    case 'in':
      return has && values.includes(value);
    case 'notin':
      return !has || !values.includes(value);
    case 'exists':
      return has;
    case '!exists':
      return !has;
  }
};

export const matchesRequirements = (
  labels: Record<string, string> | undefined,
  requirements: LabelRequirement[],
): boolean => requirements.every((r) => matchesRequirement(labels ?? {}, r));

/** The requirements of a LabelSelector object (matchLabels and matchExpressions). */
const requirementsOf = (selector: LabelSelector): LabelRequirement[] => [
  ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({
    key,
    operator: '=' as const,
    values: [value],
  })),
  ...(selector.matchExpressions ?? []).map(({ key, operator, values }) => ({
    key,
    operator: ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!exists' } as const)[
      operator
    ],
    values: values ?? [],
  })),
];

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * Why a stored value is not a LabelSelector that apimachinery's LabelSelectorAsSelector accepts (MCO
 * skips a pool whose selector it cannot convert), or undefined when it is one.
 */
export const labelSelectorProblem = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'not a label selector';
  }
  const { matchLabels, matchExpressions } = value as Record<string, unknown>;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (typeof matchLabels !== 'object' || Array.isArray(matchLabels)) {
      return 'matchLabels is not a map';
    }
    if (Object.values(matchLabels).some((v) => typeof v !== 'string')) {
      return 'matchLabels has a value that is not a string';
    }
  }
  if (matchExpressions === undefined || matchExpressions === null) return undefined;
  if (!Array.isArray(matchExpressions)) return 'matchExpressions is not a list';
  for (const expression of matchExpressions as unknown[]) {
    const { key, operator, values } = (expression ?? {}) as Record<string, unknown>;
    if (typeof key !== 'string') return 'a matchExpressions entry has no key';
    if (typeof operator !== 'string' || !OPERATORS.includes(operator)) {
      return `"${String(operator)}" is not a valid label selector operator`;
    }
    if (values !== undefined && values !== null) {
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
        return `the values of "${key}" are not a list of strings`;
      }
    }
  }
  return undefined;
};

/** True when a LabelSelector has no requirement at all (it would select everything). */
export const isEmptySelector = (selector: LabelSelector | undefined): boolean =>
  selector !== undefined && requirementsOf(selector).length === 0;

/**
 * Whether a LabelSelector selects these labels. As in MCO, a missing or empty selector selects nothing:
 * "a pool with a nil or empty selector should match nothing, not everything".
 */
export const selectorMatches = (
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean =>
  selector !== undefined &&
  !isEmptySelector(selector) &&
  matchesRequirements(labels, requirementsOf(selector));

/** apimachinery's Selector.String(): requirements sorted by key, set values sorted, joined by commas. */
export const selectorString = (selector: LabelSelector | undefined): string => {
  if (selector === undefined) return '<none>';
  return requirementsOf(selector)
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ key, operator, values }) => {
      const sorted = [...values].sort();
      switch (operator) {
        case '=':
          return `${key}=${sorted[0]}`;
        case '!=':
          return `${key}!=${sorted[0]}`;
        case 'in':
        case 'notin':
          return `${key} ${operator} (${sorted.join(',')})`;
        case 'exists':
          return key;
        case '!exists':
          return `!${key}`;
      }
    })
    .join(',');
};

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** Parses `metadata.name=x,metadata.namespace!=y`; only fields in `supported` are allowed. */
export const parseFieldSelector = (text: string, supported: string[]): FieldRequirement[] => {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const match = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!match) throw new SelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    if (!supported.includes(match[1])) {
      throw new SelectorError(`field label not supported: ${match[1]}`);
    }
    return { field: match[1], operator: match[2] === '!=' ? '!=' : '=', value: match[3] };
  });
};

/** Reads a dotted field path such as `status.phase` from an object. */
const fieldValue = (object: unknown, path: string): string => {
  let value: unknown = object;
  for (const part of path.split('.')) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof value === 'string' ? value : '';
};

export const matchesFields = (object: unknown, requirements: FieldRequirement[]): boolean =>
  requirements.every(({ field, operator, value }) =>
    operator === '=' ? fieldValue(object, field) === value : fieldValue(object, field) !== value,
  );
