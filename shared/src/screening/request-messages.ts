import type { z } from 'zod';
import { validationFailed, type FieldError } from '../errors';
import { canonicalColumn, type BatchColumn } from './customer-columns';
import { screeningRequestSchema, type ScreeningRequest } from './screening-request';

const FIELDS = ['name', 'type', 'birthDate', 'country', 'reference'] as const;
/** The batch file's column names, as the API spells them. */
const FIELD_OF_COLUMN: Record<BatchColumn, (typeof FIELDS)[number]> = {
  name: 'name',
  birth_date: 'birthDate',
  reference: 'reference',
  type: 'type',
  country: 'country',
};

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The field someone most likely meant: a spelling our batch files recognise for it ("fullName",
 * "dob", "customer_id"), else the known field within two edits ("nmae"), else none.
 */
export function closestField(key: string): string | undefined {
  const column = canonicalColumn(key);
  if (column) return FIELD_OF_COLUMN[column];
  const lower = key.toLowerCase();
  const [best] = FIELDS.map((f) => ({ f, d: editDistance(lower, f.toLowerCase()) })).sort((x, y) => x.d - y.d);
  return best && best.d <= 2 ? best.f : undefined;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const meant = closestField(key);
        return {
          field: key,
          message: meant
            ? `is not a field of a screening; did you mean "${meant}"?`
            : `is not a field of a screening; the fields are ${FIELDS.join(', ')}`,
        };
      });
    }
    return [{ field: issue.path.map(String).join('.') || '(body)', message: issue.message }];
  });
}

/** POST /v1/screenings' body, or a 400 that says, in the product's terms, what to send instead. */
export function parseScreeningRequest(body: unknown): ScreeningRequest {
  if (Array.isArray(body)) {
    throw validationFailed(
      'POST /v1/screenings screens one record; to screen many, send the array to POST /v1/batches',
      [
        {
          field: '(body)',
          message: 'is an array; send one object such as {"name": "Ri Yong-gil"}, or POST the array to /v1/batches',
        },
      ],
    );
  }
  if (body === null || typeof body !== 'object') {
    throw validationFailed('Send one record as a JSON object', [
      { field: '(body)', message: 'must be a JSON object such as {"name": "Ri Yong-gil"}' },
    ]);
  }
  const parsed = screeningRequestSchema.safeParse(body);
  if (!parsed.success) throw validationFailed('Some fields are not valid', describeIssues(parsed.error.issues));
  return parsed.data;
}
