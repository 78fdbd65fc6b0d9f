export { start, type RunningWebhooksWorker } from './main';
