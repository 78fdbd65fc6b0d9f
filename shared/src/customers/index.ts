/** Monitored customers: a workspace's book, screened when registered and again on every list delta. */
export {
  customerReferenceSchema,
  customerRequestSchema,
  MAX_REFERENCE_LENGTH,
  type CustomerRequest,
} from './customer-request';
export {
  deleteCustomer,
  getCustomer,
  listCustomers,
  putCustomer,
  registerCustomers,
  type CustomerView,
} from './customer-service';
export { UPSERT_CUSTOMERS_FROM_BATCH } from './customer-sql';
