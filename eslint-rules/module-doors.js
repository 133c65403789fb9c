// Keeps every business module behind its index.ts: code outside src/modules/<area>/ (or
// src/connectors/<platform>/, sandbox/<platform>/) may import only that folder's index.ts.
import path from 'node:path';

const GUARDED = [
  { root: path.join('src', 'modules'), label: 'module' },
  { root: path.join('src', 'connectors'), label: 'connector' },
  { root: 'sandbox', label: 'simulator' },
];

function areaOf(file, cwd) {
  const rel = path.relative(cwd, file);
  for (const { root, label } of GUARDED) {
    if (rel.startsWith(root + path.sep)) {
      const rest = rel.slice(root.length + 1).split(path.sep);
      if (rest.length < 2) return null; // a file directly under the root is shared plumbing
      return { key: path.join(root, rest[0]), label, inner: rest.slice(1).join('/') };
    }
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'import other modules only through their index.ts' },
    schema: [],
    messages: {
      door: "Import the {{label}} '{{area}}' through its index.ts, not '{{inner}}'.",
    },
  },
  create(context) {
    const cwd = context.cwd;
    const here = areaOf(context.filename, cwd);
    function check(node) {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = areaOf(path.resolve(path.dirname(context.filename), spec), cwd);
      if (!target) return;
      if (here && here.key === target.key) return;
      if (target.inner === 'index.ts') return;
      context.report({
        node: node.source,
        messageId: 'door',
        data: { label: target.label, area: path.basename(target.key), inner: target.inner },
      });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
