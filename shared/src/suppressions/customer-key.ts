import { normalizeName } from '../matching';

/** The customer a screening is about, as far as suppressions care. */
export interface ScreenedCustomer {
  reference?: string | null;
  name: string;
  birthDate?: string | null;
}

/** The normalized name and birth date: who the customer is when there is no reference. */
export function subjectOf(customer: Pick<ScreenedCustomer, 'name' | 'birthDate'>): string {
  return subjectOfNormalized(normalizeName(customer.name), customer.birthDate);
}

/** subjectOf for a name its caller has already normalized (normalizeName), so it is not normalized twice. */
export function subjectOfNormalized(normalizedName: string, birthDate?: string | null): string {
  return `${normalizedName}|${birthDate ?? ''}`;
}

/**
 * Same customer = same reference; without a reference, same normalized name and birth date. A screening with a
 * reference never borrows the suppressions of a name-only one (nor the reverse): the two may be different people.
 */
export function customerKey(customer: ScreenedCustomer): string {
  return customer.reference
    ? `ref:${customer.reference}`
    : subjectKeyOfNormalized(normalizeName(customer.name), customer.birthDate);
}

/** customerKey of a customer without a reference, for a name its caller has already normalized. */
export function subjectKeyOfNormalized(normalizedName: string, birthDate?: string | null): string {
  return `subject:${subjectOfNormalized(normalizedName, birthDate)}`;
}
