module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../coverage/apps/web',
};
