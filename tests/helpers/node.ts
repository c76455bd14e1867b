/**
 * How tests start our TypeScript entry points as their own processes. `--conditions=production` is not
 * optional: Lexical's `node` entry files load their real build with a top-level `await import(…)`, and
 * Node 20 sometimes leaves such a graph unsettled and exits with code 13 before running a line of ours;
 * the `production` condition resolves Lexical straight to its built file. package.json does the same.
 */
export const TSX_NODE_ARGS = ['--conditions=production', '--import', 'tsx'] as const
