export { startTestService, type TestService, type TestServiceOptions } from './test-service.ts';
export { describeServiceApp, type ServiceAppCheck } from './describe-service-app.ts';
