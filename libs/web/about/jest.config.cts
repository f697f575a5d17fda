module.exports = {
  displayName: 'web-about',
  preset: '../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../coverage/libs/web/about',
};
