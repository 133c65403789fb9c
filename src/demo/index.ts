// Demo data: a living business for `npm run demo` and the browser tests.
export { seedDemo } from './seed.ts';
export type { DemoSummary } from './seed.ts';
export { connectDemoPlatforms, startMailSink } from './simulators.ts';
