module.exports = {
  displayName: 'web-ui',
  preset: '../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../coverage/libs/web/ui',
};
