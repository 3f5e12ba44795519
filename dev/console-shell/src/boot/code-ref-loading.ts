/**
 * How the shell resolves plugin code references, fixed at boot (`?codeRefs=lazy`, see
 * query-options.ts): all at start (the default), or each when a page needs it, as console does.
 */
export const codeRefLoading = { lazy: false };
