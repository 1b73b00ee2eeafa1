// A local ESLint plugin: the boundary between browser and server code, written by the
// reorganisation script from its folder table (lib/*/README.md says the same in words).
//
// A module runs in the browser when it starts with the "use client" directive, or when it lives in a
// browser-safe folder of lib/ (which client components import). Such a module may not import, at
// runtime, a server-only folder or the "server-only" marker. Type-only imports are erased before
// bundling and stay allowed. The directive, not the folder, says what a component is, so the rule
// reads the directive.
import path from "node:path";

export const SERVER_ONLY_FOLDERS = ["lib/data", "lib/search", "lib/view", "lib/http", "lib/export", "lib/og", "lib/tours"];
export const BROWSER_SAFE_FOLDERS = [
  "lib/core",
  "lib/i18n",
  "lib/query",
  "lib/map",
  "lib/timeline",
  "lib/sources",
  "lib/playback",
  "lib/embed",
  "lib/schema",
  "lib/import",
];

const inFolder = (file, folders) => folders.some((folder) => file === folder || file.startsWith(`${folder}/`));

function isClientModule(program) {
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") return false;
    if (statement.directive === "use client") return true;
  }
  return false;
}

/** The repo-relative file (without extension) a specifier names, or null for packages. */
function target(root, file, spec) {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith("./") || spec.startsWith("../"))
    return path
      .relative(root, path.resolve(path.dirname(file), spec))
      .split(path.sep)
      .join("/");
  return null;
}

const isTypeOnly = (node) =>
  node.importKind === "type" ||
  node.exportKind === "type" ||
  (node.type === "ImportDeclaration" && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));

const noServerImportInClient = {
  meta: {
    type: "problem",
    docs: { description: "A module that runs in the browser may not import a server-only module" },
    schema: [],
    messages: {
      client:
        "A 'use client' module may not import the server-only {{what}}: import its types only (import type), or move the logic to a browser-safe folder.",
      browserSafe:
        "{{folder}} is browser-safe (client components import it): it may not import the server-only {{what}}; type-only imports are fine.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const relative = path.relative(root, file).split(path.sep).join("/");
    const client = isClientModule(context.sourceCode.ast);
    const safeFolder = BROWSER_SAFE_FOLDERS.find((folder) => relative.startsWith(`${folder}/`));
    const isTest = /\.test\.[cm]?tsx?$/.test(relative);
    if (!client && (!safeFolder || isTest)) return {};

    function check(node, source) {
      if (!source || typeof source.value !== "string" || isTypeOnly(node)) return;
      const spec = source.value;
      let what = null;
      if (spec === "server-only") what = 'marker "server-only"';
      else {
        const to = target(root, file, spec);
        const folder = to && SERVER_ONLY_FOLDERS.find((f) => inFolder(to, [f]));
        if (folder) what = `folder ${folder}/ (${spec})`;
      }
      if (!what) return;
      if (client) context.report({ node: source, messageId: "client", data: { what } });
      else context.report({ node: source, messageId: "browserSafe", data: { what, folder: safeFolder } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null),
    };
  },
};

const plugin = { meta: { name: "boundaries" }, rules: { "no-server-import-in-client": noServerImportInClient } };
export default plugin;
