module.exports = {
  displayName: 'web-core',
  preset: '../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../coverage/libs/web/core',
};
