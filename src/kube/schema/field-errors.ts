// field.Error as the API server renders it in a 422: `<field>: <type>: <detail>`, where Invalid, Duplicate,
// Unsupported and Not found put the offending value first, printed the way Go's %q / %d / %#v would.

export interface FieldError {
  field: string;
  type: string;
  detail: string;
}

/** The value as field.Error prints it: strings quoted, numbers plain, maps as Go literals. */
export function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  if (isStringMap(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${JSON.stringify(value[k])}`);
    return `map[string]string{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

function isStringMap(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

export function required(field: string, detail = ''): FieldError {
  return { field, type: 'Required value', detail };
}

export function invalidValue(field: string, value: unknown, detail: string): FieldError {
  return { field, type: 'Invalid value', detail: `${goValue(value)}: ${detail}` };
}

export function duplicate(field: string, value: unknown): FieldError {
  return { field, type: 'Duplicate value', detail: goValue(value) };
}

export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return { field, type: 'Unsupported value', detail: `${goValue(value)}: supported values: ${list}` };
}

export function forbidden(field: string, detail: string): FieldError {
  return { field, type: 'Forbidden', detail };
}

export function notFoundValue(field: string, value: unknown): FieldError {
  return { field, type: 'Not found', detail: goValue(value) };
}

/** One Invalid error per problem a name/label check reported, as the validation package does. */
export function invalidEach(field: string, value: unknown, problems: readonly string[]): FieldError[] {
  return problems.map((p) => invalidValue(field, value, p));
}
