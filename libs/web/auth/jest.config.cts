module.exports = {
  displayName: 'web-auth',
  preset: '../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../coverage/libs/web/auth',
};
