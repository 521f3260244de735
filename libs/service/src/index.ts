export { createService, type Service, type ServiceAppOptions, type ServiceOptions } from './create-service.ts';
export type { Client, Job, ServiceContext, ServiceDb, ServiceParts } from './service-parts.ts';
export { serviceConfigSchema, type ServiceConfig, type ServiceDefaults } from './service-config.ts';
export { runServiceMain } from './run-service-main.ts';
export { startPeriodicJob, type PeriodicJob } from './periodic-job.ts';
export { testClockServiceImpl } from './test-clock-service.ts';
