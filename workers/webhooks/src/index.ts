export { start, type RunningWebhooksWorker, type WebhooksWorkerOptions } from './main';
