#!/usr/bin/env node
// The installed `origin-lens` command. The CLI is TypeScript run by tsx, which is one of the package's
// dependencies: registering it from here resolves it from the package's own node_modules, wherever npm put the
// package (`npm install -g`, npx), unlike a `#!/usr/bin/env -S npx tsx` shebang that needs tsx on the PATH.
import { register } from 'tsx/esm/api';

register();
const { runAsProcess } = await import('../cli/origin-lens.ts');
runAsProcess();
