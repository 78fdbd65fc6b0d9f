export { startStandalone, banner, type Standalone } from './main';
