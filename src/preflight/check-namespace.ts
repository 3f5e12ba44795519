/** Console's "All projects" value of the active namespace. */
const ALL_NAMESPACES = '#ALL_NS#';
/** The namespace made for image checks (its pull secrets are the ones the checks use). */
const CHECK_NAMESPACE = 'kmm-day1-checks';

/**
 * Where the image checks (ImageStreamImports) run unless the user chooses: the namespace made for them
 * when it exists, else the active namespace, else default.
 */
export const defaultCheckNamespace = (namespaces: string[] | undefined, active: string): string => {
  if (namespaces?.includes(CHECK_NAMESPACE)) return CHECK_NAMESPACE;
  return active && active !== ALL_NAMESPACES ? active : 'default';
};
