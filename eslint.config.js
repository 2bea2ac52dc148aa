// Lint: typescript-eslint's recommended rules plus the dependency directions of DESIGN.md §2.
import tseslint from 'typescript-eslint';

const ourFolders = ['engine', 'forms', 'workflows', 'designer', 'server', 'web'];

/** Which of our top-level folders each folder may import (only through their index barrel). */
const allowed = {
  engine: [],
  forms: [],
  workflows: ['engine', 'forms'],
  designer: ['forms'],
  server: ['engine', 'forms', 'workflows'],
  web: ['designer', 'forms'],
};

function boundaryRule(folder) {
  const patterns = [];
  for (const other of ourFolders) {
    if (other === folder) continue;
    if (allowed[folder].includes(other)) {
      // Allowed folder: only its public barrel, never its internals.
      patterns.push({
        regex: `^(\\.\\./)+${other}/(?!index$).+`,
        message: `${folder}/ may import ${other}/ only through ${other}/index (no internals).`,
      });
    } else {
      patterns.push({
        regex: `^(\\.\\./)+${other}(/.*)?$`,
        message: `${folder}/ must not import ${other}/ (DESIGN.md §2 dependency directions).`,
      });
    }
  }
  return ['error', { patterns }];
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', '.data/**', 'test/fixtures/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...ourFolders.map((folder) => ({
    files: [`${folder}/**/*.ts`, `${folder}/**/*.tsx`],
    rules: { '@typescript-eslint/no-restricted-imports': boundaryRule(folder) },
  })),
);
