import tseslint from 'typescript-eslint';
import moduleDoors from './eslint-rules/module-doors.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', '.recoup/**', 'dist/**', 'coverage/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { recoup: { rules: { 'module-doors': moduleDoors } } },
    rules: {
      'recoup/module-doors': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'Use explicit named exports (no export *).' }],
    },
  },
  // Tests read JSON bodies of any shape.
  { files: ['test/**/*.ts', '**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.js'], rules: { '@typescript-eslint/consistent-type-imports': 'off' } },
);
