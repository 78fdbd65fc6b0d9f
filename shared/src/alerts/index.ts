export * from './alert-types';
export { insertAlert, insertAlerts, type AlertMatchInput, type NewAlert } from './alert-insert';
