/**
 * The architecture's "never" rules (../shared/ARCHITECTURE.md, ../shared/STYLE.md), checked on every build by
 * `npm run depcruise` (part of `npm run lint`). Each one is an error: a violation fails the build.
 */
module.exports = {
  forbidden: [
    {
      name: 'workers-never-import-services',
      comment:
        'Workers are entry points of their own; the HTTP layer and the command-line tools are not theirs to use.',
      severity: 'error',
      from: { path: '^workers/' },
      to: { path: '^services/' },
    },
    {
      name: 'services-never-import-workers',
      comment:
        'The API and the command-line tools queue work; they never run it. services/standalone is the one exception: it is `npm start`, which runs every process in one.',
      severity: 'error',
      from: { path: '^services/', pathNot: '^services/standalone/' },
      to: { path: '^workers/' },
    },
    {
      name: 'shared-never-imports-services-or-workers',
      comment: 'Dependencies point one way: services and workers use shared, never the reverse.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(services|workers)/' },
    },
    {
      name: 'api-never-imports-matching-internals',
      comment: 'The API may compare and explain through the matching surface (shared/src/matching/index.ts) only.',
      severity: 'error',
      from: { path: '^services/api/' },
      to: { path: '^shared/src/matching/', pathNot: '^shared/src/matching/index\\.ts$' },
    },
    {
      name: 'capabilities-only-through-their-index',
      comment:
        'Each folder under shared/src is a capability whose index.ts is its public surface; other folders import only that (a sub-capability, e.g. lists/importers, has its own index.ts). One known exception until it has a folder of its own: the entity model (lists/entity-model.ts, types and their value lists), which matching, screening and batches read directly, because lists/index.ts brings the repository, which imports matching.',
      severity: 'error',
      from: { path: '^shared/src/([^/]+)/' },
      to: {
        path: '^shared/src/[^/]+/',
        pathNot: ['^shared/src/$1/', '^shared/src/.+/index\\.ts$', '^shared/src/lists/entity-model\\.ts$'],
      },
    },
    {
      name: 'entry-points-use-shared-through-its-surfaces',
      comment: "services and workers import @sanctions/shared/<capability>, which is that capability's index.ts.",
      severity: 'error',
      from: { path: '^(services|workers)/' },
      to: { path: '^shared/src/', pathNot: '^shared/src/.+/index\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'No cycles: a cycle means two modules are one job, or one of them holds what belongs to a third.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    // Resolve the workspace packages to their sources: @sanctions/shared/<capability> through the package's exports to
    // src/<capability>/index.ts, @sanctions/api and the workers through "types" to src/index.ts (not the built dist).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      mainFields: ['types', 'main'],
      conditionNames: ['types', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
