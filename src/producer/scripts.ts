// The node scripts are real shell files (checked by shellcheck, tested with stub commands); the bundlers
// embed their text at build time (webpack asset/source, esbuild's text loader, a Jest transform).
import common from './scripts/common.sh';
import pull from './scripts/pull-kernel-module-image.sh';
import replace from './scripts/replace-kernel-module.sh';
import waitForDispatcher from './scripts/wait-for-dispatcher.sh';

export const NODE_SCRIPTS = { common, pull, replace, waitForDispatcher } as const;
