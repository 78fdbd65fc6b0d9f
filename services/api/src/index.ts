export { start, type RunningApi } from './main';
export { createApp } from './app';
