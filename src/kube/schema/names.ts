// Name and label syntax as apimachinery's validation package checks it, with its exact messages.
// Each function returns the list of problems (empty when the value is fine), like IsDNS1123Label & co.

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const CONFIG_KEY = '[-._a-zA-Z0-9]+';

// Compiled once per pattern: names are checked on every write.
const compiled = new Map<string, RegExp>();
function full(re: string): RegExp {
  let regex = compiled.get(re);
  if (!regex) compiled.set(re, (regex = new RegExp(`^${re}$`)));
  return regex;
}

/** What every check returns for a good value: shared, so the common case allocates nothing. */
const NO_ERRORS: readonly string[] = Object.freeze([]);

/** `must be no more than 63 characters` */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

function regexError(what: string, re: string, ...examples: string[]): string {
  const eg = examples.map((e) => `'${e}'`).join(',  or ');
  return `${what} (e.g. ${eg}, regex used for validation is '${re}')`;
}

/** A length limit and a regex with its message and examples: the shape of most checks here. */
function syntaxErrors(value: string, maxLen: number, re: string, what: string, ...examples: string[]): readonly string[] {
  const tooLong = value.length > maxLen;
  const matches = full(re).test(value);
  if (!tooLong && matches) return NO_ERRORS;
  const errs: string[] = [];
  if (tooLong) errs.push(maxLenError(maxLen));
  if (!matches) errs.push(regexError(what, re, ...examples));
  return errs;
}

export function dns1123LabelErrors(value: string): readonly string[] {
  const what =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  return syntaxErrors(value, 63, DNS1123_LABEL, what, 'my-name', '123-abc');
}

export function dns1123SubdomainErrors(value: string): readonly string[] {
  const what =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  return syntaxErrors(value, 253, DNS1123_SUBDOMAIN, what, 'example.com');
}

export function dns1035LabelErrors(value: string): readonly string[] {
  const what =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  return syntaxErrors(value, 63, DNS1035_LABEL, what, 'my-name', 'abc-123');
}

// The same few label and annotation keys come back on every object: one found good is not checked again.
const goodQualifiedNames = new Set<string>();

/** A label or annotation key: an optional DNS subdomain prefix, `/`, and a name part. */
export function qualifiedNameErrors(value: string): readonly string[] {
  if (goodQualifiedNames.has(value)) return NO_ERRORS;
  const errs = checkQualifiedName(value);
  if (errs.length === 0 && goodQualifiedNames.size < 4096) goodQualifiedNames.add(value);
  return errs.length === 0 ? NO_ERRORS : errs;
}

function checkQualifiedName(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const errs: string[] = [];
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainErrors(prefix).map((e) => `prefix part ${e}`));
  } else {
    return [
      regexError(
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        QUALIFIED_NAME,
        'MyName',
        'my.name',
        '123-abc',
      ) + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (name.length > 0 && !full(QUALIFIED_NAME).test(name)) {
    errs.push(
      regexError(
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        QUALIFIED_NAME,
        'MyName',
        'my.name',
        '123-abc',
      ),
    );
  }
  return errs;
}

export function labelValueErrors(value: string): readonly string[] {
  const what =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return syntaxErrors(value, 63, LABEL_VALUE, what, 'MyValue', 'my_value', '12345');
}

/** A ConfigMap or Secret data key. */
export function configKeyErrors(value: string): readonly string[] {
  const what = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
  const errs = [...syntaxErrors(value, 253, CONFIG_KEY, what, 'key.name', 'KEY_NAME', 'key-name')];
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** A port name (IANA_SVC_NAME). */
export function portNameErrors(value: string): readonly string[] {
  const errs: string[] = [];
  if (value.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(value)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(value)) errs.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errs.push('must not contain consecutive hyphens');
  if (value.startsWith('-') || value.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}
