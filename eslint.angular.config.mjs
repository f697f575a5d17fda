import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

/** The Angular projects' lint rules (apps/web, libs/web/*): the base rules plus Angular's, prefix `cv`. */
export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'cv', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'cv', style: 'kebab-case' }],
    },
  },
];
