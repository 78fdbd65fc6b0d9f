export { start, type ApiOptions, type RunningApi } from './main';
export { createApp } from './app';
