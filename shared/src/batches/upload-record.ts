/**
 * One record of an upload as a reader hands it over: its fields in the order of the header record
 * (the first one), or the reason the reader could not make fields of it. `line` is the CSV line the
 * record starts on, or the element's 1-based position in a JSON array.
 */
export type UploadRecord =
  { line: number; fields: string[] } | { line: number; invalid: { field: string | null; reason: string } };
